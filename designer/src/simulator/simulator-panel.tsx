import type { FlowDocument, UserEvent } from '@parley/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client.ts';
import { ENGINE_CHANNEL, PREVIEW_CHANNELS, type PreviewChannel, previewMessage } from './channel-preview.ts';
import { BotItem, userText } from './transcript-item.tsx';
import { useSimulation } from './use-simulation.ts';

const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * Chats with the draft on the server without publishing it. The node the conversation waits at is
 * reported up for the canvas to highlight; the variables after each turn are shown.
 */
export function SimulatorPanel({
  api,
  flow,
  onActiveNode,
}: {
  api: ApiClient;
  flow: FlowDocument;
  onActiveNode: (nodeId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<PreviewChannel>('web');
  const [text, setText] = useState('');
  const simulation = useSimulation(api, flow.id);
  const { last } = simulation;
  const ended = last?.session.status === 'ended';

  useEffect(() => onActiveNode(last?.node ?? null), [last, onActiveNode]);
  useEffect(() => () => onActiveNode(null), [onActiveNode]);

  const send = (event: UserEvent) => void simulation.send(flow, event);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    send({ type: 'user.message', text });
    setText('');
  };

  return (
    <div className="simulator">
      <div className="simulator-controls">
        <label>
          {t('simulator.channel')}
          <select value={channel} onChange={(e) => setChannel(e.target.value as PreviewChannel)}>
            {PREVIEW_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`simulator.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void simulation.start(flow, ENGINE_CHANNEL[channel])}>
          {simulation.started ? t('simulator.restart') : t('simulator.start')}
        </button>
      </div>
      <div className={`transcript channel-${channel}`} aria-live="polite" data-testid="simulator-transcript">
        {!simulation.started && simulation.entries.length === 0 && (
          <p className="muted">{t('simulator.notStarted')}</p>
        )}
        {simulation.entries.map((entry, index) => {
          const key = `${entry.from}-${index}`;
          if (entry.from === 'user') {
            return (
              <p key={key} className="bubble user">
                {userText(entry.event)}
              </p>
            );
          }
          if (entry.from === 'error') {
            return (
              <p key={key} role="alert" className="error">
                {entry.text}
              </p>
            );
          }
          return (
            <BotItem
              key={key}
              item={previewMessage(entry.message, channel)}
              onChoose={(value) => send({ type: 'user.choice', value })}
            />
          );
        })}
      </div>
      {simulation.started && !ended && (
        <>
          <form className="simulator-input" onSubmit={submit}>
            <input
              aria-label={t('simulator.message')}
              value={text}
              disabled={simulation.busy}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" disabled={simulation.busy}>
              {t('simulator.send')}
            </button>
          </form>
          {channel === 'phone' && (
            <fieldset className="keypad">
              <legend>{t('simulator.keypad')}</legend>
              {KEYPAD.map((key) => (
                <button key={key} type="button" onClick={() => send({ type: 'user.dtmf', digits: key })}>
                  {key}
                </button>
              ))}
              <button type="button" className="danger" onClick={() => send({ type: 'user.hangup' })}>
                {t('simulator.hangUp')}
              </button>
            </fieldset>
          )}
        </>
      )}
      {last && (
        <section className="simulator-vars">
          <h3>{t('simulator.variables', { turn: last.turn })}</h3>
          {Object.keys(last.vars).length === 0 ? (
            <p className="muted">{t('simulator.noVariables')}</p>
          ) : (
            <dl>
              {Object.entries(last.vars).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>
                    <code>{JSON.stringify(value)}</code>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}
    </div>
  );
}
