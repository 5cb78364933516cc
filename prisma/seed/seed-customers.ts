import { type PrismaClient } from '../client';
import { demoCustomers } from '../seed-data/customers';

/** Customers are created when missing (matched by their unique phone or e-mail). */
export async function seedCustomers(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.customer.createMany({ data: [...demoCustomers], skipDuplicates: true });
  return count;
}
