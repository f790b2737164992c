import { type LocalisedText, localisedTextSchema, textVariants, variableNameSchema } from '@parley/shared';
import { z } from 'zod';
import { defineNode } from '../core/define-node.ts';

export const askInputTypes = ['text', 'number', 'email', 'phone', 'date', 'regex'] as const;

export const askConfigSchema = z
  .object({
    prompt: localisedTextSchema,
    variable: variableNameSchema.meta({ widget: 'variable' }),
    inputType: z.enum(askInputTypes).default('text'),
    /** For `regex`: the whole answer must match. */
    pattern: z.string().optional(),
    reprompt: localisedTextSchema.default("Sorry, I didn't get that. Please try again."),
    /** Said when the end user stays silent; the prompt is said again when left out. */
    noInputPrompt: localisedTextSchema.optional(),
    /** For `phone`: the country assumed when a number has no `+` prefix (ISO 3166 code, e.g. `US`). */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'use a two-letter upper-case country code such as "US"')
      .optional(),
    /** Failed answers (invalid or silent) before leaving by `invalid`, when it is connected. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
  })
  .refine((config) => config.inputType !== 'regex' || (config.pattern ?? '') !== '', {
    message: 'a regex answer needs a pattern',
    path: ['pattern'],
  })
  .refine(
    (config) => {
      if (config.pattern === undefined) return true;
      try {
        new RegExp(config.pattern, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'the pattern is not a valid regular expression', path: ['pattern'] },
  );

export type AskConfig = z.infer<typeof askConfigSchema>;

export const askNode = defineNode({
  kind: 'ask',
  version: 1,
  configSchema: askConfigSchema,
  defaults: { prompt: 'What is your answer?', variable: 'answer' } as const satisfies z.input<
    typeof askConfigSchema
  >,
  ports: () => [
    { name: 'next', label: 'Answered', required: true },
    { name: 'invalid', label: 'Too many invalid answers', required: false },
  ],
  waitsForInput: true,
  expressions: (config) => {
    const texts: [string, LocalisedText | undefined][] = [
      ['prompt', config.prompt],
      ['reprompt', config.reprompt],
      ['noInputPrompt', config.noInputPrompt],
    ];
    return texts.flatMap(([path, text]) =>
      text === undefined
        ? []
        : textVariants(text).map((source) => ({ path, source, kind: 'template' as const })),
    );
  },
  writes: (config) => [config.variable],
  meta: {
    label: 'Ask',
    icon: 'help-circle',
    category: 'input',
    description: 'Asks a question and stores the typed answer (text, number, email, phone, date or pattern).',
  },
});
