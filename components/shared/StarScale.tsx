/** A 1–5 score picker: native radios (arrow keys work), drawn as stars. */
import { Star } from 'lucide-preact';

export interface StarScaleProps {
  name: string;
  label: string;
  value: number | null;
  onChange: (n: number) => void;
}

export function StarScale({ name, label, value, onChange }: StarScaleProps) {
  return (
    <fieldset class="ov-scale">
      <legend class="ov-scale__legend v-small">{label}</legend>
      <div class="ov-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={`ov-star${(value ?? 0) >= n ? ' ov-star--on' : ''}`} title={`${n} of 5`}>
            <input
              type="radio"
              class="v-sr-only"
              name={name}
              value={n}
              checked={value === n}
              aria-label={`${n} of 5`}
              onChange={() => onChange(n)}
            />
            <Star size={18} aria-hidden="true" />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Read-only stars for a score (rounded to the nearest half is overkill here: whole stars). */
export function StarsShown({ score, size = 14 }: { score: number; size?: number }) {
  const whole = Math.round(score);
  return (
    <span class="ov-stars-shown" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <Star key={n} size={size} class={n <= whole ? 'ov-star-icon' : 'ov-star-icon ov-star-icon--off'} />
      ))}
    </span>
  );
}
