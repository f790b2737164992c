import { defaultValue } from './default-value.ts';
import { FieldEditor } from './field-editor.tsx';
import { FieldGroup } from './field-shell.tsx';
import type { FieldProps } from './inspector-context.ts';
import { labels } from './labels.ts';
import type { FieldOf } from './schema-fields.ts';
import { useStableKeys } from './stable-keys.ts';
import { asList } from './value-shape.ts';

export function ListField({ field, path, label, value, onChange }: FieldProps<FieldOf<'list'>>) {
  const items = asList(value);
  const keys = useStableKeys(items.length);
  const full = field.maxItems !== undefined && items.length >= field.maxItems;

  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    keys.moved(from, to);
    onChange(next);
  };
  const remove = (index: number) => {
    keys.removed(index);
    onChange(items.filter((_, i) => i !== index));
  };
  const add = () => {
    keys.added();
    onChange([...items, defaultValue(field.item)]);
  };

  return (
    <FieldGroup path={path} label={label} hint={field.description}>
      {items.length === 0 ? <p className="inspector-hint">{labels.emptyList}</p> : null}
      <ol className="inspector-list">
        {items.map((item, index) => {
          const itemLabel = labels.listItem(label, index);
          return (
            <li key={keys.keys[index]}>
              <FieldEditor
                field={field.item}
                path={[...path, index]}
                label={itemLabel}
                required
                value={item}
                onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
              />
              <button type="button" disabled={index === 0} onClick={() => move(index, index - 1)}>
                {labels.moveUp(itemLabel)}
              </button>
              <button
                type="button"
                disabled={index === items.length - 1}
                onClick={() => move(index, index + 1)}
              >
                {labels.moveDown(itemLabel)}
              </button>
              <button type="button" onClick={() => remove(index)}>
                {labels.removeItem(itemLabel)}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={full} onClick={add}>
        {labels.addItem(label)}
      </button>
    </FieldGroup>
  );
}
