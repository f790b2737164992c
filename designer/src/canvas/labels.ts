import type { NodeCategory } from '@parley/nodes';
import i18next from 'i18next';
import type { NodeDiffMark } from './diff-view.ts';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(`canvas.${key}`, options ?? {});

/** The labels node kinds give their fixed ports (in English), and the key of each translation. */
const FIXED_PORT_LABELS: Record<string, string> = {
  Next: 'next',
  Answered: 'answered',
  'No match': 'noMatch',
  'Too many invalid answers': 'invalid',
  Else: 'else',
  'Success (2xx)': 'success',
  Error: 'error',
};

/**
 * Every string the canvas shows, read from the designer's translations (`i18n/en.ts`, `i18n/zh.ts`) when
 * it is shown. Functions splice values in, so translations can reorder words.
 */
export const labels = {
  get canvasAriaLabel() {
    return t('canvasAriaLabel');
  },
  get undo() {
    return t('undo');
  },
  get redo() {
    return t('redo');
  },
  get tidyUp() {
    return t('tidyUp');
  },
  get paletteTitle() {
    return t('paletteTitle');
  },
  get paletteHint() {
    return t('paletteHint');
  },
  get paletteStartTaken() {
    return t('paletteStartTaken');
  },
  get paletteReadOnly() {
    return t('paletteReadOnly');
  },
  category: (category: NodeCategory) => t(`categories.${category}`),
  /** A node kind's name and description: translated where the designer knows the kind, else its own. */
  kindLabel: (kind: string, fallback: string) => t(`kinds.${kind}.label`, { defaultValue: fallback }),
  kindDescription: (kind: string, fallback: string) =>
    t(`kinds.${kind}.description`, { defaultValue: fallback }),
  unknownKind: (kind: string) => t('unknownKind', { kind }),
  get problemMark() {
    return t('problemMark');
  },
  get activeMark() {
    return t('activeMark');
  },
  /** The badge title of a node a diff marks as added, removed or changed. */
  diffMark: (mark: NodeDiffMark) => t(`diffMarks.${mark}`),
  get inputHandle() {
    return t('inputHandle');
  },
  /** The fixed ports of node kinds are translated; ports named by the author (choices, branches) are not. */
  portLabel: (label: string) => {
    const key = FIXED_PORT_LABELS[label];
    return key ? t(`ports.${key}`) : label;
  },
  stalePort: (port: string) => t('stalePort', { port }),
  moreLines: (count: number) => t('moreLines', { count }),
  essence: {
    media: (mediaType: string, url: string) => `[${mediaType}] ${url}`,
    storesIn: (variable: string, inputType: string) => `→ ${variable} (${inputType})`,
    choices: (options: string[]) => options.join(' · '),
    endStatus: (status: string) => t(`essence.endStatus.${status}`, { defaultValue: status }),
    get empty() {
      return t('essence.empty');
    },
  },
  hints: {
    get selfLoop() {
      return t('hints.selfLoop');
    },
    get intoStart() {
      return t('hints.intoStart');
    },
    portTaken: (port: string) => t('hints.portTaken', { port }),
    get unknownNode() {
      return t('hints.unknownNode');
    },
    get unknownPort() {
      return t('hints.unknownPort');
    },
    get startTaken() {
      return t('hints.startTaken');
    },
    get nothingToPaste() {
      return t('hints.nothingToPaste');
    },
    get layoutFailed() {
      return t('hints.layoutFailed');
    },
    pasted: (count: number) => t('hints.pasted', { count }),
    copied: (count: number) => t('hints.copied', { count }),
    get dismiss() {
      return t('hints.dismiss');
    },
  },
  search: {
    get placeholder() {
      return t('search.placeholder');
    },
    get ariaLabel() {
      return t('search.ariaLabel');
    },
    get noMatch() {
      return t('search.noMatch');
    },
    matches: (count: number) => t('search.matches', { count }),
    position: (index: number, total: number) => t('search.position', { index, total }),
    get next() {
      return t('search.next');
    },
  },
};
