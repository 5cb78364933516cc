import { type CountryCode } from 'libphonenumber-js';
import { normalizeEmail, normalizePhone } from '../../domain/customers/contact-details';
import { type CustomerContact, type KnownCustomer, matchCustomer } from '../../domain/customers/customer-matching';
import { type Prisma } from '../../prisma/client';
import { lockCustomerKeys } from './intake-locks';

/** The customer of an incoming order, as the channel or the web store sent them. */
export interface IncomingCustomer {
  name: string;
  phone: string | null;
  email: string | null;
  /** The buyer's account id on the channel, when it sends one. */
  externalId?: string | undefined;
}

export interface CustomerIntakeRules {
  /** Region a national phone number ("06 ...") is read in; absent: only international numbers are used. */
  phoneRegion: CountryCode | undefined;
}

export interface CustomerIntakeResult {
  customerId: string;
  /** The name on the customer record (a matched customer keeps theirs). */
  customerName: string;
  /** What a person should know about how the customer was matched; goes to the order's intake notes. */
  notes: string[];
}

const customerFields = { id: true, name: true, phone: true, email: true } as const;

function normalisedContact(incoming: IncomingCustomer, rules: CustomerIntakeRules): { contact: CustomerContact; notes: string[] } {
  const notes: string[] = [];
  let phone: string | null = null;
  if (incoming.phone !== null && incoming.phone.trim() !== '') {
    const normalised = normalizePhone(incoming.phone, rules.phoneRegion);
    if (normalised.ok) phone = normalised.e164;
    else notes.push(`Phone "${incoming.phone}" not used for matching or notifications: ${normalised.reason}`);
  }
  const email = incoming.email === null ? null : normalizeEmail(incoming.email);
  return { contact: { name: incoming.name.trim(), phone, email }, notes };
}

async function findByChannelIdentity(
  tx: Prisma.TransactionClient,
  channelId: string,
  externalId: string | undefined,
): Promise<KnownCustomer | null> {
  if (externalId === undefined) return null;
  const identity = await tx.customerChannelIdentity.findUnique({
    where: { channelId_externalCustomerId: { channelId, externalCustomerId: externalId } },
    select: { customer: { select: customerFields } },
  });
  return identity?.customer ?? null;
}

/**
 * Finds the one customer record this order belongs to, across channels, or creates it (rule and its
 * reasons: domain/customers/customer-matching.ts). Runs inside the order's transaction, with the contact
 * keys locked, so two channels delivering the same new customer at once end up with one record.
 */
export async function findOrCreateCustomer(
  tx: Prisma.TransactionClient,
  channelId: string,
  incoming: IncomingCustomer,
  rules: CustomerIntakeRules,
): Promise<CustomerIntakeResult> {
  const { contact, notes } = normalisedContact(incoming, rules);
  await lockCustomerKeys(tx, { channelId, externalId: incoming.externalId ?? null, phone: contact.phone, email: contact.email });

  // One after the other: queries of an interactive transaction share its single connection anyway.
  const byChannelIdentity = await findByChannelIdentity(tx, channelId, incoming.externalId);
  const byPhone = contact.phone === null ? null : await tx.customer.findUnique({ where: { phone: contact.phone }, select: customerFields });
  const byEmail = contact.email === null ? null : await tx.customer.findUnique({ where: { email: contact.email }, select: customerFields });
  const match = matchCustomer(contact, { byChannelIdentity, byPhone, byEmail });

  let customerId: string;
  let customerName: string;
  if (match.kind === 'new') {
    customerId = (await tx.customer.create({ data: match.contact, select: { id: true } })).id;
    customerName = match.contact.name;
  } else {
    customerId = match.customer.id;
    customerName = match.customer.name;
    if (Object.keys(match.contactUpdate).length > 0) await tx.customer.update({ where: { id: customerId }, data: match.contactUpdate });
  }

  if (incoming.externalId !== undefined && byChannelIdentity === null) {
    await tx.customerChannelIdentity.create({ data: { customerId, channelId, externalCustomerId: incoming.externalId } });
  }
  return { customerId, customerName, notes: [...notes, ...match.notes] };
}
