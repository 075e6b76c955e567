#!/usr/bin/env python3
"""Generates seeded, random but realistic cases with every policy type for the full golden
differential test: callers of every kind (IAM users, role sessions named by their sts ARN,
federated users, account roots) of this account and another, requests on resources with
resource-based policies (S3 bucket, KMS key, SQS queue, SNS topic, Lambda function and
Secrets Manager secret policies, role trust policies for sts:AssumeRole) naming principals in
every form (account id, root ARN, user, role and session ARNs, "*", Service; NotPrincipal with
Deny), SCPs and RCPs of one to three levels, session policies, VPC endpoint policies and
permissions boundaries, with the identity statements of gen_golden_cases.py. Real actions come
from AWS's catalog (examples/data/iam-actions). Feed the output to tests/tools/oracle_full.mjs.

Cases where AWS's documentation and the reference simulator part carry a field
"AwsDocDiffers": "<class>" (see `aws_documentation_differs`); the golden test leaves their
decisions out, tests pin each class with AWS's words. The classes gen_golden_cases.py drops
(variables with no value and the like) are dropped here too.

The reference simulator does not derive the keys AWS puts in a caller's request context:
`--for-oracle` writes the cases with them given explicitly (aws:username, aws:PrincipalArn,
aws:PrincipalAccount, aws:PrincipalType and, where the caller's ARN says it, aws:userid); the
committed cases leave them out, so the golden test checks our derivation.

Usage, from the repository root (ORACLE_DIR: where ../shared/oracle is installed):
  python3 tests/tools/gen_full_cases.py --count 10000 --seed 13 > tests/data/golden/full-cases.jsonl
  python3 tests/tools/gen_full_cases.py --for-oracle < tests/data/golden/full-cases.jsonl \\
    | (cd ORACLE_DIR && node $OLDPWD/tests/tools/oracle_full.mjs) > tests/data/golden/full-decisions.jsonl
"""
import argparse
import json
import random
import sys

from gen_golden_cases import Generator, aws_documentation_differs as identity_case_differs, load_catalog

ACCOUNT = "123456789012"
OTHER = "210987654321"
ORG = "o-a1b2c3d4e5"
USERS = ["alice", "bob", "carol"]
ROLES = ["app", "admin", "deploy"]
SESSIONS = ["alice", "ci-run-7", "i-0abc"]
FEDERATED = ["partner-x", "tmp-dana"]  # never an IAM user's name: the simulator reads them as one
REGIONS = ["us-east-1", "eu-west-1"]
VPCE = "vpce-1a2b3c4d"
# Services whose resources RCPs govern (at least these: orgs_manage_policies_rcps.html lists them; SNS and Lambda,
# the other services generated here, are not among them).
RCP_SERVICES = {"s3", "sts", "kms", "sqs", "secretsmanager"}


def compact(document):
    return json.dumps(document, separators=(",", ":"))


def policy(*statements):
    return compact({"Version": "2012-10-17", "Statement": list(statements)})


def one_or_list(values):
    return values[0] if len(values) == 1 else values


class Caller:
    """A caller: its kind, account and ARN, and for a role session its role's ARN."""

    def __init__(self, kind, account, name, session=None):
        self.kind, self.account, self.name, self.session = kind, account, name, session
        if kind == "user":
            self.arn = f"arn:aws:iam::{account}:user/{name}"
        elif kind == "session":
            self.arn = f"arn:aws:sts::{account}:assumed-role/{name}/{session}"
        elif kind == "federated":
            self.arn = f"arn:aws:sts::{account}:federated-user/{name}"
        else:
            self.arn = f"arn:aws:iam::{account}:root"
        self.role_arn = f"arn:aws:iam::{account}:role/{name}" if kind == "session" else None

    @property
    def root_arn(self):
        return f"arn:aws:iam::{self.account}:root"


def caller_from_arn(arn):
    account, rest = arn.split(":")[4], arn.split(":", 5)[5]
    if rest.startswith("user/"):
        return Caller("user", account, rest.split("/")[-1])
    if rest.startswith("assumed-role/"):
        _, role, session = rest.split("/")
        return Caller("session", account, role, session)
    if rest.startswith("federated-user/"):
        return Caller("federated", account, rest.split("/", 1)[1])
    return Caller("root", account, "")


def derived_keys(caller):
    """The keys AWS derives for `caller` that the reference simulator needs spelled out."""
    keys = {"aws:PrincipalAccount": caller.account,
            "aws:PrincipalType": {"user": "User", "session": "AssumedRole", "federated": "FederatedUser",
                                  "root": "Account"}[caller.kind],
            "aws:PrincipalArn": caller.role_arn or caller.arn}
    if caller.kind == "user":
        keys["aws:username"] = caller.name
    elif caller.kind == "federated":
        keys["aws:userid"] = f"{caller.account}:{caller.name}"
    elif caller.kind == "root":
        keys["aws:userid"] = caller.account
    return keys


def with_derived_keys(case):
    caller = caller_from_arn(case["CallerArn"])
    entries = list(case.get("ContextEntries", []))
    given = {e["ContextKeyName"].lower() for e in entries}
    for key, value in derived_keys(caller).items():
        if key.lower() not in given:
            entries.append({"ContextKeyName": key, "ContextKeyValues": [value], "ContextKeyType": "string"})
    return dict(case, ContextEntries=entries)


class Target:
    """A resource with a resource-based policy: its service, ARN, owner and realistic actions."""

    def __init__(self, service, arn, account, actions, owner_field=False):
        self.service, self.arn, self.account, self.actions, self.owner_field = service, arn, account, actions, owner_field


class FullGenerator:
    def __init__(self, rng, actions):
        self.rng = rng
        self.identity = Generator(rng, actions, [])
        self.by_service = self.identity.by_service

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    # --- who asks, for what ---------------------------------------------------------------
    def caller(self):
        account = ACCOUNT if self.chance(0.7) else OTHER
        roll = self.rng.random()
        if roll < 0.35:
            return Caller("user", account, self.pick(USERS))
        if roll < 0.75:
            return Caller("session", account, self.pick(ROLES), self.pick(SESSIONS))
        if roll < 0.9:
            return Caller("federated", account, self.pick(FEDERATED))
        return Caller("root", account, "")

    def target(self):
        owner = ACCOUNT if self.chance(0.8) else OTHER
        region = self.pick(REGIONS)
        kind = self.rng.randrange(8)
        if kind <= 1:
            bucket = self.pick(["reports", "logs"]) + ("-" + owner[:4])
            arn = self.pick([f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/data/a.csv"])
            acts = ["s3:ListBucket", "s3:GetBucketPolicy"] if "/" not in arn else ["s3:GetObject", "s3:PutObject",
                                                                                  "s3:DeleteObject"]
            return Target("s3", arn, owner, acts, owner_field=True)
        if kind == 2:
            return Target("kms", f"arn:aws:kms:{region}:{owner}:key/1234abcd-12ab-34cd-56ef-1234567890ab", owner,
                          ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey",
                           "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy"])
        if kind == 3:
            return Target("sts", f"arn:aws:iam::{owner}:role/{self.pick(['target', 'audit'])}", owner,
                          ["sts:AssumeRole", "sts:TagSession"])
        if kind == 4:
            return Target("sqs", f"arn:aws:sqs:{region}:{owner}:orders", owner,
                          ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"])
        if kind == 5:
            return Target("sns", f"arn:aws:sns:{region}:{owner}:alerts", owner, ["sns:Publish", "sns:Subscribe"])
        if kind == 6:
            return Target("lambda", f"arn:aws:lambda:{region}:{owner}:function:fn", owner,
                          ["lambda:InvokeFunction", "lambda:GetFunction"])
        return Target("secretsmanager", f"arn:aws:secretsmanager:{region}:{owner}:secret:db-AbCdEf", owner,
                      ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"])

    def actions(self, target):
        chosen = {self.pick(target.actions)}
        if self.chance(0.3):
            # Now and then any action of the service; not for STS, most of whose actions involve no role.
            anything = target.service != "sts" and self.chance(0.3)
            chosen.add(self.pick(self.by_service[target.service] if anything else target.actions))
        return sorted(chosen)

    # --- principals ------------------------------------------------------------------------
    def some_principal(self, caller, target):
        """One `AWS` principal value: often the caller in one of its forms, else someone else."""
        other = OTHER if caller.account == ACCOUNT else ACCOUNT
        own = [caller.account, caller.root_arn, caller.arn]
        if caller.role_arn:
            own.append(caller.role_arn)
        others = [other, f"arn:aws:iam::{other}:root", f"arn:aws:iam::{caller.account}:user/{self.pick(USERS)}x",
                  f"arn:aws:iam::{target.account}:role/{self.pick(ROLES)}",
                  f"arn:aws:sts::{caller.account}:assumed-role/{self.pick(ROLES)}/{self.pick(SESSIONS)}"]
        return self.pick(own if self.chance(0.6) else others)

    def principal(self, caller, target):
        roll = self.rng.random()
        if roll < 0.1:
            return "*"
        if roll < 0.15:
            return {"AWS": "*"}
        if roll < 0.22:
            return {"Service": self.pick(["sns.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com"])}
        values = sorted({self.some_principal(caller, target) for _ in range(self.rng.choice([1, 1, 1, 2, 3]))})
        return {"AWS": one_or_list(values)}

    def not_principal(self, caller):
        """A NotPrincipal list naming some of the caller's identities, or someone else's."""
        forms = [caller.arn, caller.root_arn] + ([caller.role_arn] if caller.role_arn else [])
        if self.chance(0.3):
            forms = [f"arn:aws:iam::{OTHER}:root", f"arn:aws:iam::{ACCOUNT}:role/breakglass"]
        chosen = self.rng.sample(forms, self.rng.randint(1, len(forms)))
        return {"AWS": one_or_list(sorted(chosen))}

    # --- resource-based policies -----------------------------------------------------------
    def resource_pattern(self, target):
        if target.service == "s3":
            bucket = target.arn.split(":::")[1].split("/")[0]
            return self.pick([f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*", f"arn:aws:s3:::{bucket}/data/*"])
        return self.pick([target.arn, "*"])

    def resource_condition(self, context):
        roll = self.rng.randrange(6)
        if roll == 0:
            context["aws:SecureTransport"] = ([self.pick(["true", "false"])], "boolean")
            return {"Bool": {"aws:SecureTransport": "true"}}
        if roll == 1:
            context["aws:PrincipalOrgID"] = ([self.pick([ORG, "o-other12345"])], "string")
            return {"StringEquals": {"aws:PrincipalOrgID": ORG}}
        if roll == 2:
            return {"ArnLike": {"aws:PrincipalArn": self.pick([f"arn:aws:iam::{ACCOUNT}:role/*",
                                                                "arn:aws:iam::*:user/alice"])}}
        if roll == 3:
            context["aws:SourceVpce"] = ([self.pick([VPCE, "vpce-0ther"])], "string")
            return {"StringEquals": {"aws:SourceVpce": VPCE}}
        if roll == 4:
            context["sts:ExternalId"] = ([self.pick(["ext-42", "nope"])], "string")
            return {"StringEquals": {"sts:ExternalId": "ext-42"}}
        return {"StringEquals": {"aws:PrincipalType": self.pick(["User", "AssumedRole"])}}

    def resource_statement(self, caller, target, case_actions, context):
        deny = self.chance(0.2)
        st = {"Effect": "Deny" if deny else "Allow"}
        trust = target.service == "sts"  # a role's trust policy: no NotPrincipal, no Resource
        if deny and not trust and self.chance(0.35):
            st["NotPrincipal"] = self.not_principal(caller)
        else:
            st["Principal"] = self.principal(caller, target)
        pool = case_actions + [target.service + ":*", self.pick(target.actions)]
        st["Action"] = one_or_list(sorted({self.pick(pool) for _ in range(self.rng.randint(1, 2))}))
        if not trust:
            st["Resource"] = self.resource_pattern(target)
        if self.chance(0.25):
            st["Condition"] = self.resource_condition(context)
        return st

    def resource_policy(self, caller, target, case_actions, context):
        statements = [self.resource_statement(caller, target, case_actions, context)
                      for _ in range(self.rng.choice([1, 1, 1, 2, 2]))]
        if target.service == "kms" and self.chance(0.6):
            # The default key policy: the account may delegate access with IAM policies.
            statements.insert(0, {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                                  "Principal": {"AWS": f"arn:aws:iam::{target.account}:root"},
                                  "Action": "kms:*", "Resource": "*"})
        return policy(*statements)

    # --- identity-side policies ------------------------------------------------------------
    def identity_policy(self, target, case_actions, context, deny_rate):
        if target.service in self.identity.services and self.chance(0.12):
            return self.identity.policy(target.service, context, deny_rate)
        st = {"Effect": "Deny" if self.chance(deny_rate) else "Allow",
              "Action": self.pick([self.pick(case_actions), target.service + ":*", case_actions, "*"]),
              "Resource": self.pick([target.arn, "*", self.resource_pattern(target)])}
        return policy(st)

    # --- Organizations ---------------------------------------------------------------------
    def scp(self, context):
        roll = self.rng.randrange(6)
        if roll == 0:
            services = self.rng.sample(["s3", "kms", "sts", "sqs", "sns", "lambda", "secretsmanager", "ec2"], 3)
            return policy({"Effect": "Allow", "Action": [s + ":*" for s in services], "Resource": "*"})
        if roll == 1:
            context["aws:RequestedRegion"] = ([self.pick(REGIONS)], "string")
            return policy({"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
                           "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}})
        if roll == 2:
            return policy({"Effect": "Deny", "Action": self.pick(["kms:ScheduleKeyDeletion", "s3:DeleteObject",
                                                                  "sqs:DeleteMessage", "sts:*"]), "Resource": "*",
                           "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}}})
        if roll == 3:
            return policy({"Effect": "Deny", "Action": self.pick(["secretsmanager:*", "lambda:*", "sns:*"]),
                           "Resource": "*"})
        if roll == 4:
            context["aws:MultiFactorAuthPresent"] = ([self.pick(["true", "false"])], "boolean")
            return policy({"Effect": "Deny", "Action": "*", "Resource": "*",
                           "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})
        return policy({"Effect": "Allow", "Action": "*", "Resource": "*",
                       "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}}})

    def rcp(self, context):
        roll = self.rng.randrange(4)
        if roll == 0:
            context["aws:PrincipalOrgID"] = ([self.pick([ORG, "o-other12345"])], "string")
            return policy({"Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sqs:*", "kms:*", "sts:*",
                                                                          "secretsmanager:*"], "Resource": "*",
                           "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG},
                                         "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}})
        if roll == 1:
            context["aws:SecureTransport"] = ([self.pick(["true", "false"])], "boolean")
            return policy({"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*",
                           "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}})
        if roll == 2:
            return policy({"Effect": "Deny", "Principal": "*", "Action": self.pick(["s3:DeleteObject",
                                                                                     "kms:ScheduleKeyDeletion",
                                                                                     "sqs:*"]), "Resource": "*"})
        return policy({"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*",
                       "Condition": {"StringNotEquals": {"aws:PrincipalAccount": [ACCOUNT]}}})

    def levels(self, account, full_access, extra, full_access_rate):
        """One to three levels, the root first and `account` last."""
        targets = (["r-ab12", "ou-ab12-cdef3456"][: self.rng.choice([0, 0, 1, 2])]) + [account]
        out = []
        for target in targets:
            policies = [full_access] if self.chance(full_access_rate) else []
            policies += [extra() for _ in range(self.rng.choice([0, 0, 1, 1, 1]))]
            out.append({"Target": target, "PolicyInputList": policies})
        return out

    # --- one case ---------------------------------------------------------------------------
    def case(self):
        caller, target = self.caller(), self.target()
        case_actions = self.actions(target)
        context = {}
        case = {}
        if caller.kind == "root":
            # The root user has every permission of its account; no policy can be attached to it.
            case["PolicyInputList"] = [policy({"Effect": "Allow", "Action": "*", "Resource": "*"})]
        else:
            case["PolicyInputList"] = [self.identity_policy(target, case_actions, context, 0.2)
                                       for _ in range(self.rng.choice([0, 1, 1, 1, 1, 2]))]
            if caller.kind != "federated" and self.chance(0.2):
                case["PermissionsBoundaryPolicyInputList"] = [self.identity_policy(target, case_actions, context, 0.1)]
        if target.service != "sts" or self.chance(0.95):
            if self.chance(0.85):
                case["ResourcePolicy"] = self.resource_policy(caller, target, case_actions, context)
        if caller.kind == "federated" or (caller.kind == "session" and self.chance(0.35)):
            # GetFederationToken sessions need a session policy to have any permission.
            case["SessionPolicyInputList"] = [self.identity_policy(target, case_actions, context, 0.1)
                                              for _ in range(self.rng.choice([1, 1, 1, 2]))]
        if self.chance(0.2):
            full = policy({"Effect": "Allow", "Action": "*", "Resource": "*"})
            case["ServiceControlPolicies"] = self.levels(caller.account, full, lambda: self.scp(context), 0.93)
        if self.chance(0.2):
            full = policy({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})
            # RCPFullAWSAccess is attached to every root, OU and account and cannot be detached.
            case["ResourceControlPolicies"] = self.levels(target.account, full, lambda: self.rcp(context), 1.0)
        if self.chance(0.12):
            context["aws:SourceVpce"] = ([VPCE], "string")
            st = {"Effect": "Allow", "Principal": "*",
                  "Action": self.pick([target.service + ":*", "*", self.pick(case_actions)]), "Resource": "*"}
            if self.chance(0.2):
                st["Principal"] = {"AWS": self.pick([caller.arn, f"arn:aws:iam::{OTHER}:root"])}
            case["VpcEndpointPolicyInputList"] = [policy(st)]
        case["ActionNames"] = case_actions
        case["ResourceArns"] = [target.arn]
        case["CallerArn"] = caller.arn
        if target.owner_field and (target.account != caller.account or self.chance(0.3)):
            case["ResourceOwner"] = f"arn:aws:iam::{target.account}:root"
        if context:
            case["ContextEntries"] = [{"ContextKeyName": k, "ContextKeyValues": v, "ContextKeyType": t}
                                      for k, (v, t) in sorted(context.items())]
        return case


# --- where the reference simulator and AWS's documentation part --------------------------------
def statements_of(text):
    listed = json.loads(text).get("Statement", [])
    return listed if isinstance(listed, list) else [listed]


def principal_values(block):
    if block == "*":
        return ["*"]
    return [v for values in block.values() for v in (values if isinstance(values, list) else [values])]


def names_exactly(block, arn):
    return arn in principal_values(block)


def resource_account(case):
    """The account owning the case's resource, as oracle_full.mjs and AWS's simulator read it."""
    if "ResourceOwner" in case:
        return case["ResourceOwner"].split(":")[4]
    return case["ResourceArns"][0].split(":")[4] or case["CallerArn"].split(":")[4]


def aws_documentation_differs(case, typed):
    """The class of `case` where AWS's documentation and the reference simulator part, or None;
    "drop" for the classes gen_golden_cases.py already pins and drops."""
    oracle_case = with_derived_keys(case)
    everything = list(case.get("PolicyInputList", [])) + case.get("SessionPolicyInputList", []) + \
        case.get("VpcEndpointPolicyInputList", []) + ([case["ResourcePolicy"]] if "ResourcePolicy" in case else []) + \
        [p for key in ("ServiceControlPolicies", "ResourceControlPolicies") for level in case.get(key, [])
         for p in level["PolicyInputList"]]
    probe = {"PolicyInputList": everything, "ActionNames": case["ActionNames"], "ResourceArns": case["ResourceArns"],
             "ContextEntries": oracle_case["ContextEntries"]}
    if "ResourceOwner" in case:
        probe["ResourceOwner"] = case["ResourceOwner"]
    if identity_case_differs(probe, typed):
        return "drop"
    caller = caller_from_arn(case["CallerArn"])
    resource_statements = statements_of(case["ResourcePolicy"]) if "ResourcePolicy" in case else []
    if case.get("SessionPolicyInputList"):
        allows = [st["Principal"] for st in resource_statements if st["Effect"] == "Allow" and "Principal" in st]
        if any(names_exactly(p, caller.arn) for p in allows):
            return "SessionArnBeyondSessionPolicy"
        if resource_account(case) == caller.account and any(p in ("*", {"AWS": "*"}) for p in allows):
            return "WildcardPrincipalBeyondSessionPolicy"
    for st in resource_statements:
        if "NotPrincipal" in st and "PermissionsBoundaryPolicyInputList" not in case:
            listed = set(principal_values(st["NotPrincipal"]))
            own = {caller.arn, caller.root_arn} | ({caller.role_arn} if caller.role_arn else set())
            if listed & own and not own <= listed:
                return "NotPrincipalPartial"
    if "ResourcePolicy" not in case and ":role/" in case["ResourceArns"][0]:
        return "RoleWithoutTrustPolicy"
    if "ResourceControlPolicies" in case and any(a.split(":")[0].lower() not in RCP_SERVICES
                                                 for a in case["ActionNames"]):
        return "RcpUnsupportedService"
    for text in case.get("VpcEndpointPolicyInputList", []):
        if any(st.get("Principal", "*") not in ("*", {"AWS": "*"}) for st in statements_of(text)):
            return "EndpointPolicyPrincipal"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--for-oracle", action="store_true",
                        help="read cases on stdin, write them with the caller's derived keys for the reference simulator")
    args = parser.parse_args()
    if args.for_oracle:
        for line in sys.stdin:
            if line.strip():
                case = json.loads(line)
                case.pop("AwsDocDiffers", None)
                print(compact(with_derived_keys(case)))
        return
    actions, typed = load_catalog("examples/data/iam-actions/iam-actions.tsv")
    generator = FullGenerator(random.Random(args.seed), actions)
    kept = 0
    while kept < args.count:
        case = generator.case()
        differs = aws_documentation_differs(case, typed)
        if differs == "drop":
            continue
        if differs:
            case["AwsDocDiffers"] = differs
        print(compact(case))
        kept += 1


if __name__ == "__main__":
    main()
