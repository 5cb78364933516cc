import { type PrismaClient } from '../../prisma/client';
import { type PageLimits } from '../lists/pagination';

/** What the resource routes need; one PrismaClient per process, injected. */
export interface ResourceRouteDeps {
  prisma: PrismaClient;
  pageLimits: PageLimits;
}
