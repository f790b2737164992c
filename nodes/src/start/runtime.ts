import { defineRuntime } from '../machine/implementation-helpers.ts';

/** Start needs nothing beyond the common `parley.*` implementations. */
export const startRuntime = defineRuntime(() => ({}));
