/** An error for the page or a form, announced to screen readers; nothing when there is none. */
export function ErrorAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p class="v-alert v-alert--error" role="alert">
      {message}
    </p>
  );
}
