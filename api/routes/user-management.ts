import { ConflictError, InvalidDataError, NotFoundError } from '../../domain/errors';
import { throwIfPlacementIsInvalid } from '../../domain/auth/user-placement';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../../db/audit/record-audit';
import { type ApiRouter } from '../http/api-router';
import { idParamsSchema } from '../openapi/common-schemas';
import { type ResourceRouteDeps } from './route-deps';
import { createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema } from './user-management.validators';
import { userSchema } from './users.validators';

const hidePasswordHash = { passwordHash: true } as const;
const notFound = { status: 404 as const, description: 'No user with this id' };

/**
 * Admins create people, change their role and store, deactivate them and reset their passwords. The
 * API rereads the user on every request (api/auth/authenticate.ts), so a deactivation or a role change
 * counts from the next request on, without waiting for the token to expire. Every change is audited;
 * passwords never reach the audit log.
 */
export function registerUserManagementRoutes(api: ApiRouter, { prisma }: ResourceRouteDeps): void {
  const throwIfStoreIsUnknown = async (storeId: string | null) => {
    if (storeId !== null && (await prisma.store.count({ where: { id: storeId } })) === 0) {
      throw new InvalidDataError('No such store', { storeId: 'No such store' });
    }
  };

  api.route({
    method: 'post',
    path: '/api/users',
    summary: 'Create a user (admin only)',
    tags: ['users'],
    access: ['ADMIN'],
    request: { body: createUserBodySchema },
    response: { status: 201, description: 'The new user', schema: userSchema },
    otherResponses: [{ status: 409, description: 'A user with this email exists' }],
    handle: async ({ body, actor, requestId }) => {
      throwIfPlacementIsInvalid(body);
      await throwIfStoreIsUnknown(body.storeId);
      const email = body.email.toLowerCase();
      if ((await prisma.user.count({ where: { email } })) > 0) throw new ConflictError('A user with this email exists');
      const passwordHash = await hashPassword(body.password);
      const user = await prisma.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: { email, name: body.name, role: body.role, storeId: body.storeId, isStoreManager: body.isStoreManager, passwordHash },
          omit: hidePasswordHash,
        });
        await recordAudit(tx, {
          actor,
          action: 'user.create',
          entityType: 'User',
          entityId: created.id,
          after: { email, name: body.name, role: body.role, storeId: body.storeId, isStoreManager: body.isStoreManager },
          requestId,
        });
        return created;
      });
      return user;
    },
  });

  api.route({
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Change a user: name, role, store, manager, active (admin only; inactive users are out at once)',
    tags: ['users'],
    access: ['ADMIN'],
    request: { params: idParamsSchema, body: updateUserBodySchema },
    response: { description: 'The user', schema: userSchema },
    otherResponses: [notFound, { status: 409, description: 'An admin cannot deactivate or demote themselves' }],
    handle: async ({ params, body, actor, requestId }) => {
      const before = await prisma.user.findUnique({ where: { id: params.id }, omit: hidePasswordHash });
      if (before === null) throw new NotFoundError('User not found');
      if (before.id === actor.userId && (body.active === false || (body.role !== undefined && body.role !== 'ADMIN'))) {
        throw new ConflictError('You cannot deactivate or demote yourself: ask another admin');
      }
      const placement = {
        role: body.role ?? before.role,
        storeId: body.storeId !== undefined ? body.storeId : before.storeId,
        isStoreManager: body.isStoreManager ?? before.isStoreManager,
      };
      throwIfPlacementIsInvalid(placement);
      await throwIfStoreIsUnknown(placement.storeId);
      return prisma.$transaction(async (tx) => {
        const after = await tx.user.update({ where: { id: before.id }, data: { ...body, ...placement }, omit: hidePasswordHash });
        await recordAudit(tx, {
          actor,
          action: body.active === false && before.active ? 'user.deactivate' : 'user.update',
          entityType: 'User',
          entityId: before.id,
          before: {
            name: before.name,
            role: before.role,
            storeId: before.storeId,
            isStoreManager: before.isStoreManager,
            active: before.active,
          },
          after: { name: after.name, role: after.role, storeId: after.storeId, isStoreManager: after.isStoreManager, active: after.active },
          requestId,
        });
        return after;
      });
    },
  });

  api.route({
    method: 'post',
    path: '/api/users/:id/reset-password',
    summary: 'Set a new password for a user (admin only); audited without the password',
    tags: ['users'],
    access: ['ADMIN'],
    request: { params: idParamsSchema, body: resetPasswordBodySchema },
    response: { description: 'The user', schema: userSchema },
    otherResponses: [notFound],
    handle: async ({ params, body, actor, requestId }) => {
      const user = await prisma.user.findUnique({ where: { id: params.id }, select: { id: true } });
      if (user === null) throw new NotFoundError('User not found');
      const passwordHash = await hashPassword(body.password);
      return prisma.$transaction(async (tx) => {
        // A new tokenVersion ends every session signed in with the old password.
        const after = await tx.user.update({
          where: { id: user.id },
          data: { passwordHash, tokenVersion: { increment: 1 } },
          omit: hidePasswordHash,
        });
        await recordAudit(tx, { actor, action: 'user.reset_password', entityType: 'User', entityId: user.id, requestId });
        return after;
      });
    },
  });
}
