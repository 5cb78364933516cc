/**
 * The demo catalogue, generated deterministically: every category has a few base items, and every item
 * comes in the category's variants (colours, sizes, capacities...). 8 categories x 6 items x 6 variants
 * gives 288 SKUs with readable codes such as APP-TSH-BLK.
 */
export interface DemoProduct {
  sku: string;
  name: string;
  description: string;
  category: string;
  /** The maker's brand (the promotions' brand rule and the SKU picker's brand filter). */
  brand: string;
  basePriceMinor: number;
  floorPriceMinor: number;
  currency: string;
}

interface Item {
  code: string;
  name: string;
  brand: string;
  priceMinor: number;
  blurb: string;
}
interface Variant {
  code: string;
  label: string;
  /** Price relative to the item's price, in percent. */
  pricePercent: number;
}
interface Category {
  code: string;
  name: string;
  /** Lowest price a promotion may reach, in percent of the base price. */
  floorPercent: number;
  items: Item[];
  variants: Variant[];
}

const colours: Variant[] = [
  { code: 'BLK', label: 'Black', pricePercent: 100 },
  { code: 'WHT', label: 'White', pricePercent: 100 },
  { code: 'NVY', label: 'Navy', pricePercent: 100 },
  { code: 'OLV', label: 'Olive', pricePercent: 105 },
  { code: 'RST', label: 'Rust', pricePercent: 105 },
  { code: 'SND', label: 'Sand', pricePercent: 110 },
];

const categories: Category[] = [
  {
    code: 'APP',
    name: 'Apparel',
    floorPercent: 55,
    items: [
      { code: 'TSH', name: 'Organic cotton T-shirt', brand: 'Northwind', priceMinor: 2499, blurb: 'Heavyweight jersey, regular fit.' },
      { code: 'HOD', name: 'Loopback hoodie', brand: 'Northwind', priceMinor: 6999, blurb: 'Brushed inside, ribbed cuffs.' },
      { code: 'JNS', name: 'Straight-leg jeans', brand: 'Indigo Mill', priceMinor: 7999, blurb: '12 oz denim with a little stretch.' },
      { code: 'RJK', name: 'Packable rain jacket', brand: 'Fjell', priceMinor: 11999, blurb: 'Taped seams, folds into its pocket.' },
      { code: 'KNT', name: 'Merino crew knit', brand: 'Fjell', priceMinor: 8999, blurb: 'Fine-gauge extra-fine merino.' },
      { code: 'CHN', name: 'Stretch chinos', brand: 'Indigo Mill', priceMinor: 6499, blurb: 'Tapered, with a hidden phone pocket.' },
    ],
    variants: colours,
  },
  {
    code: 'FTW',
    name: 'Footwear',
    floorPercent: 60,
    items: [
      { code: 'RUN', name: 'Everyday running shoe', brand: 'Fjell', priceMinor: 10999, blurb: 'Cushioned foam, recycled mesh upper.' },
      { code: 'SNK', name: 'Leather court sneaker', brand: 'Cobbler & Co', priceMinor: 9999, blurb: 'Full-grain leather, cupsole.' },
      { code: 'BOT', name: 'Chelsea boot', brand: 'Cobbler & Co', priceMinor: 15999, blurb: 'Suede with elastic side panels.' },
      { code: 'SND', name: 'Cork footbed sandal', brand: 'Soleil', priceMinor: 5999, blurb: 'Two straps, adjustable buckles.' },
      { code: 'HKB', name: 'Waterproof hiking boot', brand: 'Fjell', priceMinor: 17999, blurb: 'Membrane lining, lugged sole.' },
      { code: 'SLP', name: 'Wool felt slipper', brand: 'Soleil', priceMinor: 3999, blurb: 'Boiled wool, rubber dots underneath.' },
    ],
    variants: [
      { code: '38', label: 'EU 38', pricePercent: 100 },
      { code: '40', label: 'EU 40', pricePercent: 100 },
      { code: '41', label: 'EU 41', pricePercent: 100 },
      { code: '42', label: 'EU 42', pricePercent: 100 },
      { code: '43', label: 'EU 43', pricePercent: 100 },
      { code: '45', label: 'EU 45', pricePercent: 100 },
    ],
  },
  {
    code: 'HOM',
    name: 'Home',
    floorPercent: 65,
    items: [
      { code: 'MUG', name: 'Stoneware mug', brand: 'Hearth', priceMinor: 1499, blurb: 'Reactive glaze, 350 ml.' },
      { code: 'THR', name: 'Wool throw', brand: 'Hearth', priceMinor: 8999, blurb: '130 x 170 cm, fringed edges.' },
      { code: 'CSH', name: 'Linen cushion cover', brand: 'Linden', priceMinor: 2999, blurb: '50 x 50 cm, hidden zip.' },
      { code: 'CND', name: 'Soy wax candle', brand: 'Linden', priceMinor: 2499, blurb: 'Cotton wick, around 45 hours.' },
      { code: 'VAS', name: 'Hand-blown glass vase', brand: 'Hearth', priceMinor: 4499, blurb: 'Each one slightly different.' },
      { code: 'TWL', name: 'Waffle bath towel', brand: 'Linden', priceMinor: 3499, blurb: 'Quick-drying Turkish cotton.' },
    ],
    variants: colours,
  },
  {
    code: 'KIT',
    name: 'Kitchen',
    floorPercent: 65,
    items: [
      { code: 'PAN', name: 'Carbon steel frying pan', brand: 'Ironside', priceMinor: 5999, blurb: 'Pre-seasoned, works on induction.' },
      { code: 'KNF', name: 'Chef knife', brand: 'Ironside', priceMinor: 8999, blurb: 'Forged stainless steel, 20 cm blade.' },
      { code: 'BRD', name: 'Oak chopping board', brand: 'Hearth', priceMinor: 3999, blurb: 'End grain, juice groove.' },
      { code: 'KTL', name: 'Stovetop kettle', brand: 'Ironside', priceMinor: 4999, blurb: 'Whistles, 1.6 litres.' },
      { code: 'GRD', name: 'Ceramic burr coffee grinder', brand: 'Hearth', priceMinor: 4499, blurb: 'Adjustable grind, hand-cranked.' },
      { code: 'BOX', name: 'Glass lunch box set', brand: 'Linden', priceMinor: 2999, blurb: 'Three sizes, leak-proof lids.' },
    ],
    variants: [
      { code: 'S', label: 'Small', pricePercent: 85 },
      { code: 'M', label: 'Medium', pricePercent: 100 },
      { code: 'L', label: 'Large', pricePercent: 120 },
      { code: 'GRY', label: 'Graphite', pricePercent: 105 },
      { code: 'CPR', label: 'Copper', pricePercent: 125 },
      { code: 'SET', label: 'Gift set', pricePercent: 160 },
    ],
  },
  {
    code: 'ELC',
    name: 'Electronics',
    floorPercent: 75,
    items: [
      { code: 'EBD', name: 'Wireless earbuds', brand: 'Voltic', priceMinor: 7999, blurb: 'Noise cancelling, 24 h with case.' },
      { code: 'SPK', name: 'Portable speaker', brand: 'Voltic', priceMinor: 5999, blurb: 'Splash-proof, pairs in stereo.' },
      { code: 'PWB', name: 'Power bank', brand: 'Ampere', priceMinor: 3999, blurb: 'USB-C in and out, fast charge.' },
      { code: 'CBL', name: 'Braided USB-C cable', brand: 'Ampere', priceMinor: 1499, blurb: '100 W, 2 metres.' },
      { code: 'LMP', name: 'LED desk lamp', brand: 'Lumo', priceMinor: 4999, blurb: 'Dimmable, warm to cool white.' },
      { code: 'KBD', name: 'Compact mechanical keyboard', brand: 'Voltic', priceMinor: 8999, blurb: 'Hot-swap switches, 75% layout.' },
    ],
    variants: [
      { code: 'BLK', label: 'Black', pricePercent: 100 },
      { code: 'WHT', label: 'White', pricePercent: 100 },
      { code: 'GRN', label: 'Sage', pricePercent: 100 },
      { code: 'BLU', label: 'Blue', pricePercent: 100 },
      { code: 'PRO', label: 'Pro', pricePercent: 140 },
      { code: 'MAX', label: 'Max', pricePercent: 170 },
    ],
  },
  {
    code: 'BTY',
    name: 'Beauty',
    floorPercent: 60,
    items: [
      { code: 'SRM', name: 'Hydrating face serum', brand: 'Dew Lab', priceMinor: 2999, blurb: 'Hyaluronic acid and niacinamide.' },
      { code: 'HCR', name: 'Hand cream', brand: 'Dew Lab', priceMinor: 1299, blurb: 'Shea butter, non-greasy.' },
      { code: 'SHP', name: 'Solid shampoo bar', brand: 'Bare', priceMinor: 1199, blurb: 'Plastic-free, around 60 washes.' },
      {
        code: 'SPF',
        name: 'Daily sunscreen SPF 50',
        brand: 'Dew Lab',
        priceMinor: 1999,
        blurb: 'Invisible finish, reef-friendly filters.',
      },
      { code: 'LIP', name: 'Tinted lip balm', brand: 'Bare', priceMinor: 899, blurb: 'Beeswax and jojoba oil.' },
      { code: 'PRF', name: 'Eau de parfum', brand: 'Maison Ilse', priceMinor: 5999, blurb: 'Woody, citrus top notes.' },
    ],
    variants: [
      { code: 'TRV', label: 'Travel size', pricePercent: 55 },
      { code: 'STD', label: 'Standard', pricePercent: 100 },
      { code: 'LRG', label: 'Large', pricePercent: 160 },
      { code: 'UNS', label: 'Unscented', pricePercent: 100 },
      { code: 'CIT', label: 'Citrus', pricePercent: 100 },
      { code: 'LAV', label: 'Lavender', pricePercent: 100 },
    ],
  },
  {
    code: 'SPT',
    name: 'Sports',
    floorPercent: 60,
    items: [
      { code: 'YMT', name: 'Natural rubber yoga mat', brand: 'Northwind', priceMinor: 5999, blurb: '4 mm, non-slip both sides.' },
      { code: 'BTL', name: 'Insulated water bottle', brand: 'Fjell', priceMinor: 2999, blurb: 'Keeps cold 24 h, 750 ml.' },
      { code: 'DMB', name: 'Adjustable dumbbell', brand: 'Ironside', priceMinor: 12999, blurb: 'Dial from 2 to 24 kg.' },
      { code: 'RBN', name: 'Resistance band set', brand: 'Northwind', priceMinor: 2499, blurb: 'Five strengths with handles.' },
      { code: 'CYC', name: 'Cycling gloves', brand: 'Fjell', priceMinor: 2999, blurb: 'Gel padding, touchscreen tips.' },
      { code: 'BAG', name: 'Gym duffel bag', brand: 'Northwind', priceMinor: 4999, blurb: '40 litres with a shoe compartment.' },
    ],
    variants: colours,
  },
  {
    code: 'TOY',
    name: 'Toys',
    floorPercent: 65,
    items: [
      { code: 'BLK', name: 'Wooden building blocks', brand: 'Tinker', priceMinor: 3499, blurb: 'FSC beech, 60 pieces.' },
      { code: 'PZL', name: 'Jigsaw puzzle', brand: 'Tinker', priceMinor: 1999, blurb: 'Recycled board, poster included.' },
      { code: 'PLU', name: 'Plush bear', brand: 'Cuddle', priceMinor: 2499, blurb: 'Machine washable, safety-tested.' },
      { code: 'CAR', name: 'Remote-control car', brand: 'Voltic', priceMinor: 4999, blurb: 'Rechargeable, 20 minutes a charge.' },
      { code: 'GAM', name: 'Family board game', brand: 'Tinker', priceMinor: 2999, blurb: 'Two to six players, ages 8+.' },
      { code: 'ART', name: 'Watercolour art set', brand: 'Cuddle', priceMinor: 2299, blurb: '24 colours, brushes and pad.' },
    ],
    variants: [
      { code: 'MIN', label: 'Mini', pricePercent: 60 },
      { code: 'CLS', label: 'Classic', pricePercent: 100 },
      { code: 'XL', label: 'XL', pricePercent: 150 },
      { code: 'RED', label: 'Red edition', pricePercent: 100 },
      { code: 'BLU', label: 'Blue edition', pricePercent: 100 },
      { code: 'GFT', label: 'Gift box', pricePercent: 130 },
    ],
  },
];

/** Prices end in 99 cents, as shops price them. */
function shopPrice(minor: number): number {
  return Math.max(99, Math.round(minor / 100) * 100 - 1);
}

export function generateDemoProducts(currency: string): DemoProduct[] {
  return categories.flatMap((category) =>
    category.items.flatMap((item) =>
      category.variants.map((variant) => {
        const basePriceMinor = shopPrice((item.priceMinor * variant.pricePercent) / 100);
        return {
          sku: `${category.code}-${item.code}-${variant.code}`,
          name: `${item.name}, ${variant.label}`,
          description: item.blurb,
          category: category.name,
          brand: item.brand,
          basePriceMinor,
          floorPriceMinor: Math.floor((basePriceMinor * category.floorPercent) / 100),
          currency,
        };
      }),
    ),
  );
}
