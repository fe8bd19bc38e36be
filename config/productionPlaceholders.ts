/**
 * The shipped defaults that must not reach patients unnoticed: example.com booking and Teams links, the
 * fictional 555 clinic phone, and the US safety numbers (911, 988) and urgent-care advice, which are
 * wrong outside the US (a UK practice needs 999, NHS 111 and Samaritans). A real deployment (auth on)
 * logs one warning for each still in use at start-up; `teams:package` refuses example.com pages.
 */
import type { BotConfig, SafetyVariable } from './BotConfig';

/** example.com, .net and .org and their subdomains, reserved for examples (RFC 2606). */
export function isExampleUrl(value: unknown): boolean {
  try {
    return typeof value === 'string' && /(^|\.)example\.(com|net|org)$/i.test(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** North American numbers with area code 555 are fictional: no patient can reach them. */
function isFictionalPhone(phone: string): boolean {
  return /^1?555\d{7}$/.test(phone.replace(/\D/g, ''));
}

const SAFETY_ADVICE: Readonly<Record<SafetyVariable, string>> = {
  EMERGENCY_NUMBER: 'the US emergency number (the UK needs 999, most of Europe 112)',
  CRISIS_LINE: 'the US Suicide & Crisis Lifeline (in the UK, Samaritans: 116 123)',
  URGENT_CARE_ADVICE: 'US urgent-care advice (in England, NHS 111)',
};

/** One plain sentence per placeholder still in use, naming the variable to set. */
export function placeholdersInUse(config: BotConfig): string[] {
  const warnings: string[] = [];
  const links: [string, string, string][] = [
    ['BOOKING_URL', config.bookingUrl, 'the booking link patients are sent to'],
    ['DISCOVERY_CALL_URL', config.discoveryCallUrl, 'the discovery-call link patients are sent to'],
    ['PRACTICE_WEBSITE_URL', config.practiceWebsiteUrl, "the Teams app's website link"],
    ['PRIVACY_URL', config.privacyUrl, "the Teams app's privacy link"],
    ['TERMS_URL', config.termsUrl, "the Teams app's terms link"],
  ];
  for (const [variable, value, what] of links) {
    if (isExampleUrl(value))
      warnings.push(`${variable}: ${what} is still the placeholder ${value}; set ${variable} to the practice's page`);
  }
  if (isFictionalPhone(config.clinicPhone)) {
    warnings.push(
      `CLINIC_PHONE: ${config.clinicPhone} is a fictional 555 number shown to patients in help, booking and "talk to a person" replies; set CLINIC_PHONE`,
    );
  }
  const values: Readonly<Record<SafetyVariable, string>> = {
    EMERGENCY_NUMBER: config.emergencyNumber,
    CRISIS_LINE: config.crisisLine,
    URGENT_CARE_ADVICE: config.urgentCareAdvice,
  };
  for (const variable of config.unconfirmedSafetyDefaults) {
    warnings.push(
      `${variable}: safety replies use the default "${values[variable]}", ${SAFETY_ADVICE[variable]}; set ${variable} for where your patients are, or SAFETY_NUMBERS_CONFIRMED=true if the US defaults are right`,
    );
  }
  return warnings;
}
