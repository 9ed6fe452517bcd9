/**
 * Saves text as a file through the browser's normal download flow: a Blob URL clicked through an
 * `<a download>`. No `downloads` permission needed.
 */
export function downloadText(text: string | readonly string[], filename: string, type = 'application/json'): void {
  // Parts (a large export fetched piece by piece) go into the Blob as they are: never one string.
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : [...text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download asynchronously: revoke a little later, not right away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
