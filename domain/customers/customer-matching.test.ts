import { type KnownCustomer, matchCustomer } from './customer-matching';

const anna: KnownCustomer = { id: 'anna', name: 'Anna', phone: '+31612345678', email: 'anna@mail.example' };
const bert: KnownCustomer = { id: 'bert', name: 'Bert', phone: '+31687654321', email: 'bert@mail.example' };
const noCandidates = { byChannelIdentity: null, byPhone: null, byEmail: null };

describe('matchCustomer', () => {
  it('creates a customer when nothing matches', () => {
    const contact = { name: 'Cleo', phone: '+31611111111', email: 'cleo@mail.example' };
    expect(matchCustomer(contact, noCandidates)).toEqual({ kind: 'new', contact, notes: [] });
  });

  it('matches by phone and adds the e-mail the customer lacked', () => {
    const noEmail = { ...anna, email: null };
    const match = matchCustomer({ name: 'A. Visser', phone: anna.phone, email: 'new@mail.example' }, { ...noCandidates, byPhone: noEmail });
    expect(match).toEqual({
      kind: 'existing',
      customer: noEmail,
      matchedBy: 'phone',
      contactUpdate: { email: 'new@mail.example' },
      notes: [],
    });
  });

  it('matches by e-mail when the phone is unknown, and adds the phone', () => {
    const noPhone = { ...anna, phone: null };
    const match = matchCustomer({ name: 'Anna', phone: '+31600000001', email: anna.email }, { ...noCandidates, byEmail: noPhone });
    expect(match).toMatchObject({ kind: 'existing', matchedBy: 'email', contactUpdate: { phone: '+31600000001' }, notes: [] });
  });

  it('prefers the phone match when phone and e-mail point at different customers, and notes the conflict', () => {
    const match = matchCustomer({ name: 'Anna', phone: anna.phone, email: bert.email }, { ...noCandidates, byPhone: anna, byEmail: bert });
    expect(match).toMatchObject({ kind: 'existing', customer: anna, matchedBy: 'phone', contactUpdate: {} });
    expect(match.notes).toEqual([expect.stringContaining('belongs to customer bert')]);
  });

  it('trusts the channel’s own customer id above phone and e-mail', () => {
    const match = matchCustomer(
      { name: 'Bert', phone: anna.phone, email: bert.email },
      { byChannelIdentity: bert, byPhone: anna, byEmail: bert },
    );
    expect(match).toMatchObject({ kind: 'existing', customer: bert, matchedBy: 'channelIdentity' });
    expect(match.notes).toEqual([expect.stringContaining(`phone ${anna.phone} belongs to customer anna`)]);
  });

  it('never overwrites details the customer already has', () => {
    const match = matchCustomer({ name: 'Anna', phone: anna.phone, email: 'other@mail.example' }, { ...noCandidates, byPhone: anna });
    expect(match).toMatchObject({ kind: 'existing', contactUpdate: {} });
    expect(match.notes).toEqual([expect.stringContaining('keeps its e-mail')]);
  });
});
