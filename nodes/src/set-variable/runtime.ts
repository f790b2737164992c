import { defineRuntime } from '../machine/implementation-helpers.ts';

export const setVariableRuntime = defineRuntime(() => ({}));
