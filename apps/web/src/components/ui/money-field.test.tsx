import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useZodForm } from '../../lib/form';
import { MoneyField, penceFromPounds } from './money-field';
import { TextField } from './text-field';

const schema = z.object({
  name: z.string(),
  budgetPence: z.number({ error: 'Budget must be an amount in pounds' }).int().min(0),
});

/** A money field after an ordinary one, so focus has somewhere else it could stay. */
function BudgetForm({ onSave }: { onSave: (values: z.output<typeof schema>) => void }) {
  const form = useZodForm(schema, { name: '', budgetPence: null as never });
  return (
    <form noValidate onSubmit={form.handleSubmit(onSave)}>
      <TextField label="Name" {...form.register('name')} />
      <MoneyField control={form.control} name="budgetPence" label="Budget (£)" />
      <button type="submit">Save</button>
      <button type="button" onClick={() => form.setFocus('budgetPence')}>
        Go to budget
      </button>
    </form>
  );
}

describe('MoneyField', () => {
  it('takes pounds as typed and gives the form whole pence', async () => {
    const onSave = vi.fn();
    render(<BudgetForm onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Budget (£)'), '£1,250.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ name: '', budgetPence: 125_050 }, expect.anything());
  });

  it('is focused when it is the first field in error, and by setFocus', async () => {
    const onSave = vi.fn();
    render(<BudgetForm onSave={onSave} />);
    const budget = screen.getByLabelText('Budget (£)');
    await userEvent.type(budget, '12.345');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Budget must be an amount in pounds')).toBeTruthy();
    expect(document.activeElement).toBe(budget);
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Go to budget' }));
    expect(document.activeElement).toBe(budget);
  });

  it('reads what people type for money', () => {
    expect(penceFromPounds('')).toBeNull();
    expect(penceFromPounds('3,900')).toBe(390_000);
    expect(penceFromPounds(' £12.5 ')).toBe(1_250);
    expect(penceFromPounds('12.345')).toBeNaN();
    expect(penceFromPounds('twelve')).toBeNaN();
  });
});
