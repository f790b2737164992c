import { useEffect, useState } from 'react';

export type Route = { page: 'flows' } | { page: 'editor'; flowId: string };

/** `#/flows/<id>` opens a flow; anything else is the flows list. The server only serves `/`. */
export function parseRoute(hash: string): Route {
  const match = /^#\/flows\/([^/]+)$/.exec(hash);
  return match?.[1] ? { page: 'editor', flowId: decodeURIComponent(match[1]) } : { page: 'flows' };
}

export const flowHref = (flowId: string) => `#/flows/${encodeURIComponent(flowId)}`;
export const flowsHref = '#/';

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
