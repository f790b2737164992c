/** JSON column shapes shared by both dialects' tables. */
export type ApiKeyScopes = { flowIds: string[] | '*'; environments: string[] | '*' };
