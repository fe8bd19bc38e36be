/**
 * Booking links carry utm_source/utm_medium so the practice's booking system can attribute the
 * bookings that came from the bot, per channel.
 */
export function bookingLink(url: string, channelId: string | undefined): string {
  if (!channelId) return url;
  const link = new URL(url);
  link.searchParams.set('utm_source', 'sciatica-bot');
  link.searchParams.set('utm_medium', channelId);
  return link.toString();
}
