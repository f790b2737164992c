import { type LocalisedText, localisedTextSchema, textVariants, variableNameSchema } from '@parley/shared';
import { z } from 'zod';
import { defineNode } from '../core/define-node.ts';

export const NO_MATCH_PORT = 'no-match';

export const choiceOptionSchema = z.object({
  /** Also the name of the option's output port. */
  value: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use letters, digits, "-" and "_"')
    .refine((value) => value !== NO_MATCH_PORT, { message: `"${NO_MATCH_PORT}" is reserved` }),
  label: localisedTextSchema,
  /** Other words that pick this option when typed, in any language. */
  synonyms: z.array(z.string().min(1)).default(() => []),
});

export const choiceConfigSchema = z
  .object({
    prompt: localisedTextSchema,
    choices: z.array(choiceOptionSchema).min(1).max(20),
    /** Stores the chosen option's value. */
    variable: variableNameSchema.optional().meta({ widget: 'variable' }),
    reprompt: localisedTextSchema.default('Please pick one of the options.'),
    /** Said when the end user stays silent; the prompt is said again when left out. */
    noInputPrompt: localisedTextSchema.optional(),
    /** Failed answers (unrecognised or silent) before leaving by `no-match`, when it is connected. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
  })
  .refine((config) => new Set(config.choices.map((c) => c.value)).size === config.choices.length, {
    message: 'two choices have the same value',
    path: ['choices'],
  });

export type ChoiceConfig = z.infer<typeof choiceConfigSchema>;

export const choiceNode = defineNode({
  kind: 'choice',
  version: 1,
  configSchema: choiceConfigSchema,
  defaults: {
    prompt: 'What would you like to do?',
    choices: [
      { value: 'yes', label: 'Yes', synonyms: [] },
      { value: 'no', label: 'No', synonyms: [] },
    ],
  } as const satisfies z.input<typeof choiceConfigSchema>,
  ports: (config) => [
    ...config.choices.map((choice) => ({
      name: choice.value,
      label: textVariants(choice.label)[0] ?? choice.value,
      required: true,
    })),
    { name: NO_MATCH_PORT, label: 'No match', required: false },
  ],
  waitsForInput: true,
  expressions: (config) => {
    const texts: [string, LocalisedText | undefined][] = [
      ['prompt', config.prompt],
      ['reprompt', config.reprompt],
      ['noInputPrompt', config.noInputPrompt],
      ...config.choices.map((c, i): [string, LocalisedText] => [`choices.${i}.label`, c.label]),
    ];
    return texts.flatMap(([path, text]) =>
      text === undefined
        ? []
        : textVariants(text).map((source) => ({ path, source, kind: 'template' as const })),
    );
  },
  writes: (config) => (config.variable ? [config.variable] : []),
  meta: {
    label: 'Choice',
    icon: 'list',
    category: 'input',
    description:
      'Offers buttons; a typed answer matching a label or synonym, or a keypad digit, also picks one.',
  },
});
