import { defineRuntime } from '../machine/implementation-helpers.ts';

export const httpRequestRuntime = defineRuntime(() => ({}));
