// A hyperparameter left blank gives each chosen method its own default, even where the methods that read
// it disagree (AdaGrad's ε is 1e-10, RMSprop's and Adam's 1e-8); the form says so, and a link keeps a
// typed value that is only one of those defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkState, DEFAULT_STATE, queryFromState, stateFromQuery } from '../../web/src/state/state.js';
import { methodById } from '../../web/src/state/methods.js';
import { parameterDefaults } from '../../web/src/ui/parameter-defaults.js';

const compared = { ...DEFAULT_STATE, eta: '0.1', method: 'adagrad,adam,rmsprop' };

test('a blank ε gives each method its own default', () => {
  const { request } = checkState({ ...compared, eps: '' });
  assert.equal(request.parametersByMethod.adagrad.eps, 1e-10);
  assert.equal(request.parametersByMethod.adam.eps, 1e-8);
  assert.equal(request.parametersByMethod.rmsprop.eps, 1e-8);
});

test('a typed ε is every method\'s', () => {
  const { request } = checkState({ ...compared, eps: '1e-6' });
  for (const id of ['adagrad', 'adam', 'rmsprop']) assert.equal(request.parametersByMethod[id].eps, 1e-6);
});

test('a link keeps a typed ε that is AdaGrad\'s default, for Adam too', () => {
  const query = queryFromState({ ...compared, eps: '1e-10' });
  assert.match(query, /[?&]eps=1e-10(&|$)/);
  const { request } = checkState(stateFromQuery(query).state);
  assert.equal(request.parametersByMethod.adam.eps, 1e-10);
  assert.doesNotMatch(queryFromState({ ...DEFAULT_STATE, method: 'adam', eps: '1e-8' }), /[?&]eps=/, 'a lone default is left out');
});

test('the ε field names every default and whose it is', () => {
  const readers = ['adagrad', 'adam', 'rmsprop'].map(methodById);
  assert.deepEqual(parameterDefaults('eps', 'ε', readers),
    { placeholder: 'varies', note: 'ε left blank: 1e-10 for adagrad; 1e-8 for adam, rmsprop.' });
  assert.deepEqual(parameterDefaults('eps', 'ε', [methodById('adam')]), { placeholder: '1e-8', note: '' });
  assert.deepEqual(parameterDefaults('beta', 'β', ['momentum', 'nesterov'].map(methodById)), { placeholder: '0.9', note: '' });
});
