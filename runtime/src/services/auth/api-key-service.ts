import { desc, eq } from 'drizzle-orm';
import { ParleyError } from '../../errors.ts';
import type { Tables } from '../../store/database.ts';
import { recordAudit } from '../audit.ts';
import { parseInput } from '../parse-input.ts';
import type { Principal } from '../principal.ts';
import { ApiKeyCache } from './api-key-cache.ts';
import { apiKeyDisplayPrefix, formatApiKey, newApiKeyId, parseApiKey } from './api-key-format.ts';
import {
  type CreateApiKeyInput,
  createApiKeyInput,
  type RevokeApiKeyInput,
  revokeApiKeyInput,
} from './api-key-inputs.ts';
import type { AuthDeps } from './auth-deps.ts';
import { digestsEqual, hashSecret, randomSecret } from './secret-token.ts';

/** An API key as lists show it: no secret, no hash. */
export type ApiKeyView = Omit<Tables['apiKeys']['$inferSelect'], 'keyHash'>;

function apiKeyViewColumns(tables: Tables) {
  const { id, name, prefix, scopes, createdBy, createdAt, revokedAt } = tables.apiKeys;
  return { id, name, prefix, scopes, createdBy, createdAt, revokedAt };
}

// Compared against when the key id is unknown, so unknown and wrong keys take the same path.
const unknownKeyHash = hashSecret(randomSecret());

/** API keys let connectors (web chat, WhatsApp, voice) start and continue conversations. */
export function createApiKeyService({ database, clock }: AuthDeps) {
  const { db, tables, transaction } = database;
  const { apiKeys } = tables;
  const cache = new ApiKeyCache();

  return {
    /** Creates a key. `key` is in the result only this once; the store keeps its hash. */
    async createApiKey(
      actor: Principal,
      input: CreateApiKeyInput,
    ): Promise<{ key: string; apiKey: ApiKeyView }> {
      const { name, scopes } = parseInput(createApiKeyInput, input);
      const id = newApiKeyId();
      const secret = randomSecret();
      return transaction(async (tx) => {
        const now = clock.now();
        const apiKey = {
          id,
          name,
          prefix: apiKeyDisplayPrefix(id),
          scopes,
          createdBy: actor.id,
          createdAt: now,
          revokedAt: null,
        };
        await tx.insert(apiKeys).values({ ...apiKey, keyHash: hashSecret(secret) });
        await recordAudit(
          tx,
          tables,
          actor,
          { action: 'apiKeys.create', targetType: 'api-key', targetId: id, details: { name, scopes } },
          now,
        );
        return { key: formatApiKey(id, secret), apiKey };
      });
    },

    /** Every key, revoked ones included, newest first. */
    async listApiKeys(): Promise<ApiKeyView[]> {
      return db
        .select(apiKeyViewColumns(tables))
        .from(apiKeys)
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    },

    /** Revokes a key for good; connectors using it are refused from the next request. Revoking twice is a no-op. */
    async revokeApiKey(actor: Principal, input: RevokeApiKeyInput): Promise<ApiKeyView> {
      const { id } = parseInput(revokeApiKeyInput, input);
      const revoked = await transaction(async (tx) => {
        const [before] = await tx.select(apiKeyViewColumns(tables)).from(apiKeys).where(eq(apiKeys.id, id));
        if (!before) throw new ParleyError('NOT_FOUND', `there is no API key with id ${id}`, { id });
        if (before.revokedAt !== null) return before;
        const now = clock.now();
        await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
        await recordAudit(
          tx,
          tables,
          actor,
          { action: 'apiKeys.revoke', targetType: 'api-key', targetId: id, details: { name: before.name } },
          now,
        );
        return { ...before, revokedAt: now };
      });
      // After the commit: a check reading the key before it would otherwise cache it again.
      cache.forget(id);
      return revoked;
    },

    /**
     * The key's principal, or null when the key is malformed, unknown, wrong or revoked. Recent successes
     * are cached (api-key-cache.ts): revoking here takes effect at once, on other instances within seconds.
     */
    async authenticateApiKey(key: string): Promise<Principal | null> {
      const parsed = parseApiKey(key);
      if (!parsed) return null;
      const hash = hashSecret(parsed.secret);
      const cached = cache.recall(hash, parsed.id, clock.now());
      if (cached) return cached;
      const epoch = cache.epoch;
      const [row] = await db
        .select({ keyHash: apiKeys.keyHash, scopes: apiKeys.scopes, revokedAt: apiKeys.revokedAt })
        .from(apiKeys)
        .where(eq(apiKeys.id, parsed.id));
      const matches = digestsEqual(hash, row?.keyHash ?? unknownKeyHash);
      if (!row || !matches || row.revokedAt !== null) return null;
      const principal: Principal = { type: 'api-key', id: parsed.id, scopes: row.scopes };
      cache.remember(hash, parsed.id, principal, clock.now(), epoch);
      return principal;
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
