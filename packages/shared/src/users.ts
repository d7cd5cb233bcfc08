import { z } from 'zod';
import { roles } from './roles';


export const MIN_PASSWORD_LENGTH = 12;
// argon2 hashes whatever it is given; the cap stops a megabyte "password" from costing CPU.
export const MAX_PASSWORD_LENGTH = 200;

const emailSchema = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email({ error: 'Enter an email address like name@example.org' }))
  .transform((email) => email.toLowerCase());

export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const roleSchema = z.enum(roles, { error: 'Choose a role' });

export const fullNameSchema = z
  .string({ error: 'Enter a full name' })
  .trim()
  .min(1, 'Enter a full name')
  .max(120, 'Full name must be at most 120 characters');

export const loginSchema = z.object({
  email: emailSchema,
  // Sign-in checks only presence: the rules for new passwords must not lock out old ones.
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(MAX_PASSWORD_LENGTH, 'Email or password is wrong'),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const createUserSchema = z.object({
  email: emailSchema,
  fullName: fullNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id: z.uuid({ error: 'Unknown user' }),
    role: roleSchema.optional(),
    isActive: z.boolean().optional(),
    // The version the manager was looking at; a stale one is a conflict, not an overwrite.
    version: z.number().int().positive().optional(),
  })
  .refine((input) => input.role !== undefined || input.isActive !== undefined, {
    error: 'Choose a role or an account status to change',
    path: ['role'],
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({
  id: z.uuid({ error: 'Unknown user' }),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(MAX_PASSWORD_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, 'Enter the new password again'),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    error: 'The two new passwords do not match',
    path: ['confirmPassword'],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
