import { Star } from 'lucide-preact';

/** Read-only stars for a score, whole stars (halves would be overkill at this size). */
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
