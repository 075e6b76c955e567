#!/usr/bin/env node
// Runs the reference IAM simulator (@cloud-copilot/iam-simulate, installed as in
// ../shared/oracle/README.md) on SimulateCustomPolicy-shaped cases with every policy type.
// Run it from the folder where the simulator is installed:
//   cd ORACLE_DIR && node /path/to/tests/tools/oracle_full.mjs [--details] < cases.jsonl
//
// Input, one JSON object a line: AWS's simulate-custom-policy fields
//   PolicyInputList, PermissionsBoundaryPolicyInputList, ResourcePolicy, ActionNames,
//   ResourceArns (default ["*"]), CallerArn, ResourceOwner, ContextEntries
// and iamcpp's extensions
//   SessionPolicyInputList: ["<policy>", ...]
//   ServiceControlPolicies, ResourceControlPolicies:
//     [{"Target": "r-root|ou-...|ACCOUNT", "PolicyInputList": ["<policy>", ...]}, ...], root first
//     (absent: none apply; a level without policies denies)
//   VpcEndpointPolicyInputList: ["<policy>", ...]
// Policies are JSON strings or objects. Other fields are ignored.
//
// Output, one line a case, one result per action x resource:
//   {"EvaluationResults": [{"EvalActionName", "EvalResourceName",
//                           "EvalDecision": "allowed" | "explicitDeny" | "implicitDeny"}]}
// or {"Error": "..."}. With --details each result also carries, for the policy types the case
// gives, AWS's OrganizationsDecisionDetail.AllowedByOrganizations and
// PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary, and the simulator's own
// ReferenceBlockedBy (the policy types that turned an allow into a deny).
//
// How the fields map onto the simulator's core engine authorize():
// - Several session policies become one session policy holding all their statements: the engine
//   takes a single one, and AWS intersects the identity policies with what the session policies
//   together allow (Version is taken from the first; give them all the same).
// - Organizations levels are passed as given: unlike the simulator's own front end, nothing adds
//   RCPFullAWSAccess to an RCP level.
// - The caller's derived context keys (aws:username, aws:PrincipalArn, ...) are not derived here:
//   give them in ContextEntries (tests/tools/gen_full_cases.py --for-oracle does).
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const esmOf = (pkg) => (p) => import('file://' + join(dirname(require.resolve(pkg)), '..', 'esm', p));
const sim = esmOf('@cloud-copilot/iam-simulate');
const { authorize } = await sim('core_engine/CoreSimulatorEngine.js');
const { AwsRequestImpl } = await sim('request/request.js');
const { RequestContextImpl } = await sim('requestContext.js');
const { DiscoveryContextKeyConstraints } = await sim('context_keys/discoveryContextKeyConstraints.js');
const { loadPolicy } = await esmOf('@cloud-copilot/iam-policy')('index.js');

const DECISION = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };
const DEFAULT_CALLER = 'arn:aws:iam::123456789012:user/oracle-user';
const withDetails = process.argv.includes('--details');

const doc = (p) => (typeof p === 'string' ? JSON.parse(p) : p);
const load = (p, name) => loadPolicy(doc(p), { name });
const loadAll = (list, prefix) => (list || []).map((p, i) => load(p, prefix + i));
const accountOf = (arn) => arn.split(':')[4] || '';
const isAccountId = (s) => /^[0-9]{12}$/.test(s);

function ownerOf(resource, c, caller) {
  if (c.ResourceOwner) return accountOf(c.ResourceOwner);
  const fromArn = accountOf(resource);
  return isAccountId(fromArn) ? fromArn : accountOf(caller);
}

function context(entries = []) {
  const values = {};
  for (const e of entries) {
    const list = e.ContextKeyValues || [];
    const isList = String(e.ContextKeyType || '').toLowerCase().endsWith('list');
    values[e.ContextKeyName] = isList ? list : list[0];
  }
  return values;
}

function sessionPolicy(list) {
  if (!list?.length) return undefined;
  const docs = list.map(doc);
  const statements = docs.flatMap((d) => (Array.isArray(d.Statement) ? d.Statement : [d.Statement]));
  return load({ Version: docs[0].Version, Statement: statements }, 'session');
}

const levels = (list, kind) =>
  (list || []).map((level, i) => ({
    orgIdentifier: level.Target || kind + i,
    policies: loadAll(level.PolicyInputList, `${kind}${i}.`),
  }));

function evaluate(c) {
  const caller = c.CallerArn || DEFAULT_CALLER;
  const policies = {
    identityPolicies: loadAll(c.PolicyInputList, 'identity'),
    sessionPolicy: sessionPolicy(c.SessionPolicyInputList),
    serviceControlPolicies: levels(c.ServiceControlPolicies, 'scp'),
    resourceControlPolicies: levels(c.ResourceControlPolicies, 'rcp'),
    resourcePolicy: c.ResourcePolicy ? load(c.ResourcePolicy, 'resource') : undefined,
    permissionBoundaries: c.PermissionsBoundaryPolicyInputList?.length
      ? loadAll(c.PermissionsBoundaryPolicyInputList, 'boundary')
      : undefined,
    vpcEndpointPolicies: c.VpcEndpointPolicyInputList?.length
      ? loadAll(c.VpcEndpointPolicyInputList, 'endpoint')
      : undefined,
  };
  const results = [];
  for (const action of c.ActionNames || []) {
    for (const resource of c.ResourceArns?.length ? c.ResourceArns : ['*']) {
      const request = new AwsRequestImpl(
        caller,
        { resource, accountId: ownerOf(resource, c, caller) },
        action,
        new RequestContextImpl(context(c.ContextEntries)),
      );
      const analysis = authorize({
        request,
        ...policies,
        simulationParameters: {
          simulationMode: 'Strict',
          discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
        },
      });
      const result = {
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: DECISION[analysis.result] ?? String(analysis.result),
      };
      if (withDetails) {
        if (c.ServiceControlPolicies)
          result.OrganizationsDecisionDetail = { AllowedByOrganizations: analysis.scpAnalysis?.result === 'Allowed' };
        if (policies.permissionBoundaries)
          result.PermissionsBoundaryDecisionDetail = {
            AllowedByPermissionsBoundary: analysis.permissionBoundaryAnalysis?.result === 'Allowed',
          };
        if (analysis.blockedBy?.length) result.ReferenceBlockedBy = analysis.blockedBy;
      }
      results.push(result);
    }
  }
  return { EvaluationResults: results };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let out;
  try {
    out = evaluate(JSON.parse(line));
  } catch (e) {
    out = { Error: String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
