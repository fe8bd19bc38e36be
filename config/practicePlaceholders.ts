/**
 * The {placeholder} names that staff- and clinician-written text may use, with their values from
 * configuration: one table, so the bot and the knowledge-base check agree on what exists.
 */
import type { BotConfig } from './BotConfig';

export function practicePlaceholders(config: BotConfig): Readonly<Record<string, string>> {
  return Object.freeze({
    practiceName: config.practiceName,
    practitionerName: config.practitionerName,
    clinicPhone: config.clinicPhone,
    clinicHours: config.clinicHours,
    clinicAddress: config.clinicAddress,
    emergencyNumber: config.emergencyNumber,
    urgentCareAdvice: config.urgentCareAdvice,
    crisisLine: config.crisisLine,
    stateTtlHours: String(config.stateTtlHours),
    unansweredRetentionDays: String(config.unansweredRetentionDays),
  });
}
