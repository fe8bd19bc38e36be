/**
 * Fills `{name}` placeholders in staff- and clinician-written text from configuration, so practice
 * details live in one place. An unknown placeholder is left as written, for the checker to report.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}
