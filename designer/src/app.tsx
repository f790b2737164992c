import { useTranslation } from 'react-i18next';
import { EditorPage } from './editor/editor-page.tsx';
import { FlowsPage } from './flows/flows-page.tsx';
import { LanguageSwitch } from './i18n/language-switch.tsx';
import { useHashRoute } from './routing/hash-route.ts';
import { SessionProvider, useSession } from './session/session-context.tsx';
import { SignInPage } from './sign-in/sign-in-page.tsx';

function Pages() {
  const { t } = useTranslation();
  const session = useSession();
  const route = useHashRoute();
  if (session.state === 'checking') return <p className="page-loading">{t('app.loading')}</p>;
  if (session.state === 'signed-out') return <SignInPage api={session.api} signedIn={session.signedIn} />;
  return (
    <>
      <nav className="top-bar">
        <a className="brand" href="#/">
          {t('app.title')}
        </a>
        <span className="who">
          {t('app.signedInAs', { name: session.user.name, role: t(`app.roles.${session.user.role}`) })}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => void session.signOut()}>
          {t('app.signOut')}
        </button>
      </nav>
      {route.page === 'editor' ? <EditorPage key={route.flowId} flowId={route.flowId} /> : <FlowsPage />}
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  );
}
