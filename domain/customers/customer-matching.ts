/**
 * One customer record across channels. The rule, in order of trust:
 *   1. the channel's own customer id, when the channel sends one and we have seen it before;
 *   2. the phone number (E.164): it is what pickup codes and "ready" messages go to, so it identifies the
 *      person collecting the order;
 *   3. the e-mail address (lower-case).
 * When two of them point at different customers (phone says A, e-mail says B) the more trusted one wins,
 * nothing is merged, and the conflict is written to the order's intake notes for a person to look at.
 * Details the matched customer lacks are added only when no other customer holds them; existing details
 * are never overwritten by an order.
 */

export interface KnownCustomer {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
}

/** Normalised contact details of the customer on an incoming order. */
export interface CustomerContact {
  name: string;
  phone: string | null;
  email: string | null;
}

export interface MatchCandidates {
  byChannelIdentity: KnownCustomer | null;
  byPhone: KnownCustomer | null;
  byEmail: KnownCustomer | null;
}

export type MatchedBy = 'channelIdentity' | 'phone' | 'email';

export type CustomerMatch =
  | {
      kind: 'existing';
      customer: KnownCustomer;
      matchedBy: MatchedBy;
      /** Contact details to add to the matched customer (only ones it lacks and nobody else holds). */
      contactUpdate: { phone?: string; email?: string };
      notes: string[];
    }
  | { kind: 'new'; contact: CustomerContact; notes: string[] };

const matchLabel: Record<MatchedBy, string> = { channelIdentity: 'the channel’s customer id', phone: 'phone', email: 'e-mail' };

function chooseMatch(candidates: MatchCandidates): { customer: KnownCustomer; matchedBy: MatchedBy } | null {
  if (candidates.byChannelIdentity !== null) return { customer: candidates.byChannelIdentity, matchedBy: 'channelIdentity' };
  if (candidates.byPhone !== null) return { customer: candidates.byPhone, matchedBy: 'phone' };
  if (candidates.byEmail !== null) return { customer: candidates.byEmail, matchedBy: 'email' };
  return null;
}

export function matchCustomer(contact: CustomerContact, candidates: MatchCandidates): CustomerMatch {
  const chosen = chooseMatch(candidates);
  if (chosen === null) return { kind: 'new', contact, notes: [] };

  const { customer, matchedBy } = chosen;
  const notes: string[] = [];
  const contactUpdate: { phone?: string; email?: string } = {};

  if (contact.phone !== null) {
    const phoneOwner = candidates.byPhone;
    if (phoneOwner !== null && phoneOwner.id !== customer.id) {
      notes.push(
        `Customer matched by ${matchLabel[matchedBy]} to ${customer.id}, but phone ${contact.phone} belongs to customer ${phoneOwner.id}; not merged, please review`,
      );
    } else if (phoneOwner === null && customer.phone === null) {
      contactUpdate.phone = contact.phone;
    } else if (phoneOwner === null && customer.phone !== contact.phone) {
      notes.push(`Order phone ${contact.phone} differs from the customer’s ${customer.phone}; the customer record keeps its phone`);
    }
  }

  if (contact.email !== null) {
    const emailOwner = candidates.byEmail;
    if (emailOwner !== null && emailOwner.id !== customer.id) {
      notes.push(
        `Customer matched by ${matchLabel[matchedBy]} to ${customer.id}, but e-mail ${contact.email} belongs to customer ${emailOwner.id}; not merged, please review`,
      );
    } else if (emailOwner === null && customer.email === null) {
      contactUpdate.email = contact.email;
    } else if (emailOwner === null && customer.email !== contact.email) {
      notes.push(`Order e-mail ${contact.email} differs from the customer’s ${customer.email}; the customer record keeps its e-mail`);
    }
  }

  return { kind: 'existing', customer, matchedBy, contactUpdate, notes };
}
