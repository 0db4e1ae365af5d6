// Data for the page's scripts, embedded in a <script type="application/json"> element.

/**
 * JSON text safe inside a script element: every `<` is written \u003c (the same string to
 * JSON.parse), so no `</script>` or `<!--` in the data can end the element or change how it parses.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
