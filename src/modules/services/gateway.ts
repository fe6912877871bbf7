// The payment gateway this server uses. Only the in-process test double exists so far; a provider adapter
// implements PaymentGateway and is installed here.
import type { AppContext } from '../../core/context';
import { webhookSecret } from './module-keys';
import type { PaymentGateway } from './payment-gateway';
import { TestDoubleGateway } from './demo-gateway';

const gateways = new Map<string, TestDoubleGateway>();

export function testDoubleGateway(ctx: Pick<AppContext, 'config'>): TestDoubleGateway {
  const secret = webhookSecret(ctx.config);
  const known = gateways.get(secret);
  if (known) return known;
  const g = new TestDoubleGateway(secret);
  gateways.set(secret, g);
  return g;
}

export const paymentGateway = (ctx: Pick<AppContext, 'config'>): PaymentGateway => testDoubleGateway(ctx);
