import { type PrismaClient } from '../client';
import { type DemoCustomer } from '../seed-data/customers';

/** Customers are created when missing (matched by their unique phone or e-mail). */
export async function seedCustomers(prisma: PrismaClient, customers: readonly DemoCustomer[]): Promise<number> {
  const { count } = await prisma.customer.createMany({ data: [...customers], skipDuplicates: true });
  return count;
}
