import { z } from 'zod';

/**
 * The message gateway's wire format (`POST <gateway>/messages`), shared by the HTTP client and the
 * sandbox that emulates the provider, so both sides validate the same shapes.
 */
export const messageChannels = ['SMS', 'WHATSAPP', 'EMAIL'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** E.164: a plus, a country code that does not start with 0, and at most 15 digits in all. */
const phoneNumber = z.string().regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 phone number');

export const sendMessageBodySchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('SMS'), recipient: phoneNumber, text: z.string().min(1).max(1600) }),
  z.object({ channel: z.literal('WHATSAPP'), recipient: phoneNumber, text: z.string().min(1).max(4096) }),
  z.object({ channel: z.literal('EMAIL'), recipient: z.email(), subject: z.string().min(1).max(200), text: z.string().min(1).max(20_000) }),
]);
export type SendMessageBody = z.infer<typeof sendMessageBodySchema>;

export const acceptedMessageSchema = z.object({
  messageId: z.string().min(1),
  channel: z.enum(messageChannels),
  recipient: z.string(),
  acceptedAt: z.string(),
});
export type AcceptedMessage = z.infer<typeof acceptedMessageSchema>;

/** The gateway's error codes a client acts on: the recipient itself was refused, not the request. */
export const RECIPIENT_REJECTED = 'RECIPIENT_REJECTED';
