/** One HTTP exchange as the HTTP node asks for it: redirects are not followed, the node handles them. */
export type HttpTransportRequest = {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  /** A larger response body fails the exchange instead of filling memory. */
  maxResponseBytes: number;
  /**
   * The addresses the connection may use for a host name. A transport must ask at connect time and
   * connect to nothing else, so a DNS answer cannot change between the SSRF check and the connection.
   */
  resolve: (host: string) => Promise<string[]>;
};

export type HttpTransportResponse = {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body decoded as UTF-8 text. */
  body: string;
};

export type HttpTransport = (request: HttpTransportRequest) => Promise<HttpTransportResponse>;
