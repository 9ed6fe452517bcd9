/** An error for the page or a form, announced to screen readers; nothing when there is none. */
export function ErrorAlert({ message, class: extra }: { message?: string | null; class?: string }) {
  if (!message) return null;
  return (
    <p class={extra ? `v-alert v-alert--error ${extra}` : 'v-alert v-alert--error'} role="alert">
      {message}
    </p>
  );
}
