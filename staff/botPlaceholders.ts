/**
 * The {placeholder} values the running bot fills into answers, from the same table the bot uses, so
 * the check measures answers exactly as patients receive them.
 */
export { practicePlaceholders as botPlaceholders } from '../config/practicePlaceholders';
