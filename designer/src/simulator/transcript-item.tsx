import type { UserEvent } from '@parley/shared';
import { useTranslation } from 'react-i18next';
import type { PreviewItem } from './channel-preview.ts';

/** One bot message as the previewed channel shows it; choices can be clicked (or their key pressed). */
export function BotItem({ item, onChoose }: { item: PreviewItem; onChoose: (value: string) => void }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'text':
      return <p className="bubble bot">{item.text}</p>;
    case 'speech':
      return (
        <p className="bubble bot speech">
          <span className="label">{t('simulator.says')}:</span> {item.text}
        </p>
      );
    case 'buttons':
      return (
        <div className="bubble bot">
          <p>{item.text}</p>
          <div className="choice-buttons">
            {item.choices.map((choice) => (
              <button key={choice.value} type="button" onClick={() => onChoose(choice.value)}>
                {choice.label}
              </button>
            ))}
          </div>
        </div>
      );
    case 'numbered':
      return (
        <div className="bubble bot">
          <p>{item.text}</p>
          <ol className="choice-list">
            {item.choices.map((choice) => (
              <li key={choice.value}>
                <button type="button" className="link" onClick={() => onChoose(choice.value)}>
                  {t('simulator.replyWith', { key: choice.key, label: choice.label })}
                </button>
              </li>
            ))}
          </ol>
        </div>
      );
    case 'media':
      return (
        <p className="bubble bot media">
          {t('simulator.media', { mediaType: item.mediaType, url: item.url })}
          {item.caption ? ` — ${item.caption}` : ''}
        </p>
      );
    case 'end':
      return <p className="conversation-end">{t('simulator.ended', { resolution: item.status })}</p>;
  }
}

/** What the user did, as the transcript shows it. */
export function userText(event: UserEvent): string {
  switch (event.type) {
    case 'user.message':
      return event.text;
    case 'user.choice':
      return `→ ${event.value}`;
    case 'user.dtmf':
      return `☎ ${event.digits}`;
    case 'user.hangup':
      return '☎ ✕';
    case 'timer.no-input':
      return '…';
  }
}
