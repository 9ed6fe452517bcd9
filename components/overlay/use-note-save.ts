/**
 * Saving a note's text, for the composer and the in-place editor alike: trimmed, never empty,
 * and a text over the limit is kept whole with a message saying by how much (nothing is sent).
 */
import { useState } from 'preact/hooks';
import { tooLongMessage } from '../shared/limits';
import { useSave } from '../shared/use-save';

export function useNoteSave() {
  const [problem, setProblem] = useState<string>();
  const save = useSave();
  /** Writes the trimmed `text` with `write`; resolves true once saved. */
  const saveText = async (text: string, write: (body: string) => Promise<unknown>): Promise<boolean> => {
    const body = text.trim();
    if (!body) return false;
    const long = tooLongMessage(body);
    setProblem(long);
    if (long) return false;
    return save.run(() => write(body));
  };
  return { problem, save, saveText };
}
