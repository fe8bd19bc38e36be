/**
 * Fills `{name}` placeholders in staff- and clinician-written text from configuration, so practice
 * details live in one place. An unknown placeholder is left as written, for the checker to report.
 * Other templates name their own placeholder form: the chat page's `{{name}}`, the Teams manifest's `${{NAME}}`.
 */
export const BRACES = /\{(\w+)\}/g;
export const DOUBLE_BRACES = /\{\{(\w+)\}\}/g;

export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>, placeholder: RegExp = BRACES): string {
  return template.replace(placeholder, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}
