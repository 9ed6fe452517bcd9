/**
 * State of a record form (a project, a milestone, a payment): the typed values, field errors from a
 * lib/domain reader, one save at a time. What was typed stays until a save succeeds.
 *
 * issue 12: a new record's id is made here once per form (a retried create saves over the first
 * attempt instead of adding a second record), and an edit carries the version (updatedAt) it began
 * from: a newer stored version refuses the save ("changed elsewhere"), and the form offers to load
 * the other version or to overwrite it.
 */
import { useRef, useState } from 'preact/hooks';
import type { FormErrors, FormResult } from '../../lib/domain/project-input';
import { isConflict } from '../shared/ChangedElsewhere';
import { fieldAria } from './Field';

/** What a save carries besides the patch. */
export interface SaveGuard {
  createId: string;
  /** The record's updatedAt when the edit began (edits only). */
  baseUpdatedAt?: number;
}

export interface RecordFormOptions<V, P, R> {
  /** The values the form starts from, and goes back to on "show the other version" (read on every render). */
  initial: V;
  /** Prefix of the inputs' ids: `${idPrefix}-${field}`. */
  idPrefix: string;
  read: (values: V) => FormResult<P, keyof V & string>;
  save: (patch: P, guard: SaveGuard) => Promise<R>;
  onDone: (saved: R) => void;
  /** The edited record's updatedAt as the view knows it now (live); absent for a new record. */
  version?: number;
  /** Said under the form when a field is wrong (else only the fields say it). */
  invalidMessage?: string;
  /** A refused save that is about one field (the background knows better than the form): that field's error. */
  fieldOfError?: (err: unknown, values: V) => (keyof V & string) | undefined;
}

export function useRecordForm<V extends object, P, R = unknown>({
  initial,
  idPrefix,
  read,
  save,
  onDone,
  version,
  invalidMessage,
  fieldOfError,
}: RecordFormOptions<V, P, R>) {
  type F = keyof V & string;
  const [values, setValues] = useState<V>(initial);
  const createId = useRef(crypto.randomUUID());
  const [base, setBase] = useState(version);
  const [refused, setRefused] = useState(false);
  /** Another view saved the record since this edit began (seen live, or refused on save). */
  const changedElsewhere = version !== undefined && (refused || (base !== undefined && version > base));
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);

  /** Sets field `k`; its error goes, since the user is fixing it. */
  const set = <K extends F>(k: K, v: V[K]) => {
    setValues((o) => ({ ...o, [k]: v }));
    setErrors((old) => (old[k] ? { ...old, [k]: undefined } : old));
  };

  /** Props of the text input for field `k`: id, aria wiring, value, input handler. */
  const bind = (k: F) => ({
    ...fieldAria(`${idPrefix}-${k}`, errors[k]),
    value: values[k] as string,
    onInput: (e: Event) => set(k, (e.currentTarget as HTMLInputElement).value as V[F]),
  });

  const submit = async (e: Event, from = base) => {
    e.preventDefault();
    const result = read(values);
    if (!result.ok) {
      setErrors(result.errors);
      setSaveError(invalidMessage);
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(undefined);
    try {
      const saved = await save(result.patch, { createId: createId.current, ...(from !== undefined ? { baseUpdatedAt: from } : {}) });
      onDone(saved);
    } catch (err) {
      if (isConflict(err)) setRefused(true);
      else {
        const message = err instanceof Error ? err.message : String(err);
        const field = fieldOfError?.(err, values);
        if (field) setErrors({ [field]: message } as FormErrors<F>);
        setSaveError(message);
      }
    } finally {
      setSaving(false);
    }
  };

  /** "Changed elsewhere": keep what was typed, saved over the other version. */
  const overwrite = (e: Event) => {
    setRefused(false);
    setBase(version);
    void submit(e, version);
  };
  /** "Changed elsewhere": drop the edit and show the other version in the form. */
  const reload = () => {
    setRefused(false);
    setBase(version);
    setValues(initial);
    setErrors({});
  };

  return { values, set, errors, saveError, saving, bind, submit, changedElsewhere, refused, overwrite, reload };
}
