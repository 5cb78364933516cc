/** Demo customers across the three markets: one record each, with a phone (E.164) and an e-mail. */
export interface DemoCustomer {
  name: string;
  phone: string;
  email: string;
}

const people: ReadonlyArray<readonly [name: string, countryPrefix: string]> = [
  ['Anouk Visser', '+316'],
  ['Bram Smit', '+316'],
  ['Fleur Mulder', '+316'],
  ['Jeroen de Boer', '+316'],
  ['Lotte Meijer', '+316'],
  ['Ruben Hendriks', '+316'],
  ['Sophie van Dijk', '+316'],
  ['Thijs Peters', '+316'],
  ['Clara Becker', '+4915'],
  ['Felix Hoffmann', '+4915'],
  ['Hannah Wagner', '+4915'],
  ['Leon Fischer', '+4915'],
  ['Marie Schulz', '+4915'],
  ['Paul Koch', '+4915'],
  ['Emma Richter', '+4915'],
  ['Noah Klein', '+4915'],
  ['Beatriz Santos', '+3519'],
  ['Diogo Ferreira', '+3519'],
  ['Joana Pereira', '+3519'],
  ['Miguel Oliveira', '+3519'],
  ['Rita Rodrigues', '+3519'],
  ['Rui Martins', '+3519'],
  ['Sofia Sousa', '+3519'],
  ['Tomás Gomes', '+3519'],
  ['Yara Lopes', '+3519'],
];

function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

export const demoCustomers: readonly DemoCustomer[] = people.map(([name, prefix], index) => ({
  name,
  // Fixed-length national numbers from the index keep phones unique and stable between runs.
  phone: `${prefix}${String(20_000_000 + index * 7919).padStart(8, '0')}`,
  email: `${emailLocalPart(name)}@mail.example`,
}));
