/**
 * State of a small record form (a milestone, a payment): the typed values, field errors from a
 * lib/domain reader, one save at a time. What was typed stays until a save succeeds.
 */
import { useState } from 'preact/hooks';
import { useSave } from '../shared/use-save';
import type { FormErrors, FormResult } from '../../lib/domain/project-input';
import { fieldAria } from './Field';

export interface RecordFormOptions<V, P> {
  initial: V;
  /** Prefix of the inputs' ids: `${idPrefix}-${field}`. */
  idPrefix: string;
  read: (values: V) => FormResult<P, keyof V & string>;
  save: (patch: P) => Promise<unknown>;
  onDone: () => void;
}

export function useRecordForm<V extends object, P>({ initial, idPrefix, read, save, onDone }: RecordFormOptions<V, P>) {
  type F = keyof V & string;
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const saving = useSave();

  /** Props of the text input for field `k`: id, aria wiring, value, input handler. */
  const bind = (k: F) => ({
    ...fieldAria(`${idPrefix}-${k}`, errors[k]),
    value: values[k] as string,
    onInput: (e: Event) => {
      const v = (e.currentTarget as HTMLInputElement).value;
      setValues((o) => ({ ...o, [k]: v }));
    },
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = read(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (await saving.run(() => save(result.patch))) onDone();
  };

  return { values, setValues, errors, saveError: saving.error, saving: saving.saving, bind, submit };
}
