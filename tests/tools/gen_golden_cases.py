#!/usr/bin/env python3
"""Generates seeded, random but realistic SimulateCustomPolicy cases (one JSON object a
line) for the golden differential test and the `simulate --jsonl` benchmark: real
actions from AWS's catalog, real AWS managed policies, and generated statements with
wildcards, NotAction/NotResource, conditions of every operator, policy variables,
boundaries and denies. Feed the output to ../shared/oracle/oracle.mjs for the
reference decisions.

It leaves out the cases where AWS's documentation and the reference simulator part
(variables without Version 2012-10-17, a `*` inside an ARN segment meeting a colon,
epoch dates, variables making up an SQS queue name are never generated; the classes of
`aws_documentation_differs` are generated, then dropped): tests/test_evaluate.cpp pins
those one by one. The dropped classes: a request on `*` for an action without resource
types; ResourceOwner beside a resource ARN that names its account; a NotResource
variable with no value; a variable in the account segment; an inverted operator
against a variable with no value; NotIpAddress with an address of the other family.

The reference simulator does not derive the keys AWS puts in an IAM user's request
context (aws:username, aws:PrincipalArn, ...), which iamcpp derives from CallerArn:
`--for-oracle` reads cases and writes them with those keys given explicitly, for the
reference simulator's input only (the committed cases leave them out, so the golden
test checks our derivation).

Usage, from the repository root:
  python3 tests/tools/gen_golden_cases.py --count 10000 --seed 1 > tests/data/golden/cases.jsonl
  python3 tests/tools/gen_golden_cases.py --for-oracle < tests/data/golden/cases.jsonl \
    | node ORACLE_DIR/oracle.mjs > tests/data/golden/decisions.jsonl
  python3 tests/tools/gen_golden_cases.py --count 10000 --seed 2 --managed-per-case 10 > /tmp/bench.jsonl
For the full-output golden test (`iamcpp simulate --jsonl` output, reviewed by hand,
its decisions checked against the reference simulator's):
  python3 tests/tools/gen_golden_cases.py --showcase > tests/data/golden/showcase-cases.jsonl
  python3 tests/tools/gen_golden_cases.py --for-oracle < tests/data/golden/showcase-cases.jsonl \
    | node ORACLE_DIR/oracle.mjs > tests/data/golden/showcase-decisions.jsonl
  build/examples/iamcpp simulate --jsonl < tests/data/golden/showcase-cases.jsonl > tests/data/golden/showcase-outputs.jsonl
"""
import argparse
import json
import random
import re
import sys

ACCOUNT = "123456789012"
OTHER_ACCOUNT = "210987654321"
USERS = ["alice", "bob", "carol", "dave", "eve"]
TEAMS = ["blue", "green", "red"]
REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"]
BUCKETS = ["reports", "logs", "home", "public", "secret"]


def load_catalog(path):
    """The catalog's actions, and the lower-case names of those with resource types."""
    actions, typed = [], set()
    with open(path) as f:
        next(f)
        for line in f:
            action, _, resource_types = line.rstrip("\n").split("\t")
            actions.append(action)
            if resource_types:
                typed.add(action.lower())
    return actions, typed


INVERTED = re.compile(r"^(ForAnyValue:|ForAllValues:)?(StringNot|ArnNot)", re.IGNORECASE)
VARIABLE = re.compile(r"\$\{([^}]*)\}")


def statements(case):
    for text in case.get("PolicyInputList", []) + case.get("PermissionsBoundaryPolicyInputList", []):
        document = json.loads(text) if isinstance(text, str) else text
        listed = document.get("Statement", [])
        yield from listed if isinstance(listed, list) else [listed]


def as_list(value):
    return value if isinstance(value, list) else [value]


def unresolved(text, keys):
    """Whether `text` holds a policy variable with no value in `keys` and no default."""
    for inside in VARIABLE.findall(text):
        if inside in ("*", "?", "$") or ", '" in inside:
            continue
        if inside.lower() not in keys:
            return True
    return False


def aws_documentation_differs(case, typed):
    """The class of `case` where AWS's documentation and the reference simulator part
    (../shared/oracle/README.md), or None. Such cases are left out of the golden data;
    tests/test_evaluate.cpp pins each class with AWS's words."""
    derived = with_derived_keys(case)
    keys = {e["ContextKeyName"].lower() for e in derived.get("ContextEntries", [])
            if e.get("ContextKeyValues") and not e.get("ContextKeyType", "string").endswith("List")}
    resources = case.get("ResourceArns", ["*"])
    if "*" in resources and any(a.lower() not in typed for a in case["ActionNames"]):
        return "a request on * for an action without resource types"
    if "ResourceOwner" in case and any(r.count(":") >= 5 and r.split(":")[4] for r in resources):
        return "ResourceOwner beside a resource ARN that names its account"
    ips = {v for e in case.get("ContextEntries", []) if e["ContextKeyName"] == "aws:SourceIp"
           for v in e["ContextKeyValues"]}
    for st in statements(case):
        for pattern in as_list(st.get("NotResource", [])):
            if unresolved(pattern, keys):
                return "a NotResource variable with no value"
        for pattern in as_list(st.get("Resource", [])) + as_list(st.get("NotResource", [])):
            if pattern.count(":") >= 5 and "${" in pattern.split(":")[4]:
                return "a variable in the account segment"
        for op, tests in st.get("Condition", {}).items():
            for key, values in tests.items():
                values = [str(v) for v in as_list(values)]
                if INVERTED.match(op) and any(unresolved(v, keys) for v in values):
                    return "an inverted operator against a variable with no value"
                if "NotIpAddress" in op and ips and not any((":" in ip) == (":" in v) for ip in ips for v in values):
                    return "NotIpAddress with an address of the other family"
    return None


def load_managed(path, max_chars):
    policies = []
    with open(path) as f:
        for line in f:
            entry = json.loads(line)
            text = json.dumps(entry["document"], separators=(",", ":"))
            if len(text) <= max_chars:
                policies.append(text)
    return policies


class Generator:
    def __init__(self, rng, actions, managed):
        self.rng = rng
        self.actions = actions
        self.managed = managed
        self.by_service = {}
        for a in actions:
            self.by_service.setdefault(a.split(":")[0], []).append(a)
        self.services = ["s3", "iam", "ec2", "dynamodb", "logs", "sns", "sqs", "lambda", "kms", "sts"]

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def some_case(self, text):
        # IAM matches actions ignoring case: vary the spelling now and then.
        if self.chance(0.15):
            return "".join(c.upper() if self.chance(0.5) else c.lower() for c in text)
        return text

    def action(self, service=None):
        service = service or self.pick(self.services)
        return self.pick(self.by_service[service])

    def action_pattern(self, service):
        action = self.action(service)
        name = action.split(":")[1]
        roll = self.rng.random()
        if roll < 0.05:
            return "*"
        if roll < 0.2:
            return service + ":*"
        if roll < 0.4:
            return service + ":" + name[: self.rng.randint(1, max(1, len(name) - 1))] + "*"
        if roll < 0.45:
            i = self.rng.randrange(len(name))
            return self.some_case(service + ":" + name[:i] + "?" + name[i + 1:])
        return self.some_case(action)

    def resource(self, service, user):
        bucket = self.pick(BUCKETS)
        return self.pick({
            "s3": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/{user}/notes.txt",
                   f"arn:aws:s3:::{bucket}/home/{user}/a.txt", f"arn:aws:s3:::{bucket}/shared/x.csv"],
            "iam": [f"arn:aws:iam::{ACCOUNT}:user/{user}", f"arn:aws:iam::{ACCOUNT}:user/division/{user}",
                    f"arn:aws:iam::{ACCOUNT}:role/app-role", f"arn:aws:iam::{OTHER_ACCOUNT}:user/{user}"],
            "ec2": [f"arn:aws:ec2:{self.pick(REGIONS)}:{ACCOUNT}:instance/i-0abc{self.rng.randint(0, 9)}",
                    f"arn:aws:ec2:{self.pick(REGIONS)}:{ACCOUNT}:volume/vol-1"],
            "dynamodb": [f"arn:aws:dynamodb:{self.pick(REGIONS)}:{ACCOUNT}:table/Orders",
                         f"arn:aws:dynamodb:{self.pick(REGIONS)}:{ACCOUNT}:table/Orders/index/ByDate"],
            "logs": [f"arn:aws:logs:{self.pick(REGIONS)}:{ACCOUNT}:log-group:/aws/lambda/fn",
                     f"arn:aws:logs:{self.pick(REGIONS)}:{ACCOUNT}:log-group:/app:log-stream:s1"],
            "sns": [f"arn:aws:sns:{self.pick(REGIONS)}:{ACCOUNT}:topic-{self.pick(TEAMS)}"],
            "sqs": [f"arn:aws:sqs:{self.pick(REGIONS)}:{ACCOUNT}:queue-{self.pick(TEAMS)}"],
            "lambda": [f"arn:aws:lambda:{self.pick(REGIONS)}:{ACCOUNT}:function:fn-{self.pick(TEAMS)}"],
            "kms": [f"arn:aws:kms:{self.pick(REGIONS)}:{ACCOUNT}:key/1234abcd"],
            "sts": [f"arn:aws:iam::{ACCOUNT}:role/app-role"],
        }[service])

    def resource_pattern(self, service):
        bucket = self.pick(BUCKETS)
        return self.pick({
            "s3": ["*", f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*", "arn:aws:s3:::*",
                   f"arn:aws:s3:::{bucket}/${{aws:username}}/*", f"arn:aws:s3:::{bucket}/home/${{aws:username}}/*",
                   f"arn:aws:s3:::{bucket}/${{aws:PrincipalTag/team, 'shared'}}/*", "arn:aws:s3:::*/shared/*",
                   f"arn:aws:s3:::{bucket}/home/?????/*"],
            "iam": ["*", f"arn:aws:iam::{ACCOUNT}:user/*", f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}",
                    f"arn:aws:iam::{ACCOUNT}:user/division/*", "arn:aws:iam::*:role/app-*", f"arn:aws:iam::{ACCOUNT}:*"],
            "ec2": ["*", "arn:aws:ec2:*:*:instance/*", f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/*",
                    f"arn:aws:ec2:*:{ACCOUNT}:volume/vol-?"],
            "dynamodb": ["*", f"arn:aws:dynamodb:*:{ACCOUNT}:table/Orders", f"arn:aws:dynamodb:*:{ACCOUNT}:table/Orders/*"],
            "logs": ["*", "arn:aws:logs:*:*:log-group:*", f"arn:aws:logs:*:{ACCOUNT}:log-group:/aws/lambda/*"],
            "sns": ["*", f"arn:aws:sns:*:{ACCOUNT}:topic-*", f"arn:aws:sns:us-east-1:{ACCOUNT}:topic-blue"],
            "sqs": ["*", f"arn:aws:sqs:*:{ACCOUNT}:queue-*", f"arn:aws:sqs:us-east-1:{ACCOUNT}:queue-blue"],
            "lambda": ["*", f"arn:aws:lambda:*:{ACCOUNT}:function:fn-*"],
            "kms": ["*", f"arn:aws:kms:*:{ACCOUNT}:key/*"],
            "sts": ["*", f"arn:aws:iam::{ACCOUNT}:role/*"],
        }[service])

    # Each condition family: (operator, key, policy values, request values, type).
    def condition(self):
        user = self.pick(USERS)
        family = self.rng.randrange(12)
        if family == 0:
            op, key, values, ctx, typ = self.pick(["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
                                                   "StringNotEqualsIgnoreCase"]), "aws:username", \
                [self.some_case(self.pick(USERS)) for _ in range(self.rng.randint(1, 2))], [user], "string"
        elif family == 1:
            op, key, values, ctx, typ = self.pick(["StringLike", "StringNotLike"]), "s3:prefix", \
                self.pick([["home/${aws:username}/*"], ["home/*", "public/*"], ["shared/?/x"], ["${aws:username}*"]]), \
                [self.pick([f"home/{user}/a", "public/x", "shared/a/x", f"{user}-docs", "other"])], "string"
        elif family == 2:
            op, key, values, ctx, typ = self.pick(["NumericEquals", "NumericNotEquals", "NumericLessThan",
                                                   "NumericLessThanEquals", "NumericGreaterThan",
                                                   "NumericGreaterThanEquals"]), "aws:MultiFactorAuthAge", \
                [self.pick(["3600", "600", 3600, "1.5e3"])], [self.pick(["100", "3600", "7200", "1500.0"])], "numeric"
        elif family == 3:
            op, key, values, ctx, typ = self.pick(["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
                                                   "DateGreaterThan", "DateGreaterThanEquals"]), "aws:CurrentTime", \
                [self.pick(["2024-01-01T00:00:00Z", "2024-06-30", "2025-01-01T12:00:00+02:00", "2024-01-01T03:00:00+03:00"])], \
                [self.pick(["2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", "2024-07-01T00:00:00Z", "2025-06-01"])], "date"
        elif family == 4:
            op, key, values, ctx, typ = "Bool", self.pick(["aws:MultiFactorAuthPresent", "aws:SecureTransport"]), \
                [self.pick(["true", "false", True])], [self.pick(["true", "false"])], "boolean"
        elif family == 5:
            op, key, values, ctx, typ = self.pick(["IpAddress", "NotIpAddress"]), "aws:SourceIp", \
                [self.pick(["203.0.113.0/24", "10.0.0.0/8", "2001:db8::/32", "192.0.2.7"])], \
                [self.pick(["203.0.113.9", "10.1.2.3", "2001:db8::1", "192.0.2.7", "198.51.100.1"])], "ip"
        elif family == 6:
            op, key, values, ctx, typ = self.pick(["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"]), "aws:SourceArn", \
                [self.pick([f"arn:aws:sns:*:{ACCOUNT}:topic-*", f"arn:aws:s3:::{self.pick(BUCKETS)}",
                            "arn:aws:logs:*:*:log-group:*"])], \
                [self.pick([f"arn:aws:sns:us-east-1:{ACCOUNT}:topic-blue", "arn:aws:s3:::logs",
                            f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/a:log-stream:b"])], "string"
        elif family == 7:
            op, key, values, ctx, typ = "Null", self.pick(["aws:TokenIssueTime", "aws:PrincipalTag/team"]), \
                [self.pick(["true", "false"])], [self.pick(["x", "blue"])], "string"
        elif family == 8:
            op = self.pick(["ForAnyValue:StringEquals", "ForAllValues:StringEquals", "ForAnyValue:StringLike",
                            "ForAllValues:StringNotEquals", "ForAnyValue:StringNotEquals"])
            key, values, typ = "aws:TagKeys", self.rng.sample(["team", "cost-center", "env", "owner"], self.rng.randint(1, 3)), "stringList"
            ctx = self.rng.sample(["team", "cost-center", "env", "project"], self.rng.randint(0, 3))
        elif family == 9:
            op, key, values, ctx, typ = self.pick(["StringEquals", "StringLike", "StringEqualsIfExists"]), \
                "aws:PrincipalTag/team", [self.pick(TEAMS + ["${aws:PrincipalTag/team}", "b*"])], [self.pick(TEAMS)], "string"
        elif family == 10:
            op, key, values, ctx, typ = "BinaryEquals", "ctx:blob", [self.pick(["aGVsbG8=", "aGk="])], \
                [self.pick(["aGVsbG8=", "aGk="])], "binary"
        else:
            op, key, values, ctx, typ = self.pick(["StringEquals", "StringNotEqualsIfExists"]), "aws:RequestedRegion", \
                self.rng.sample(REGIONS, self.rng.randint(1, 2)), [self.pick(REGIONS)], "string"
        return op, key, values, ctx, typ

    def statement(self, service, context, deny_rate):
        st = {"Effect": "Deny" if self.chance(deny_rate) else "Allow"}
        if self.chance(0.1):
            st["Sid"] = "S" + str(self.rng.randint(0, 999999))
        actions = [self.action_pattern(service if self.chance(0.8) else self.pick(self.services))
                   for _ in range(self.rng.randint(1, 3))]
        st["NotAction" if self.chance(0.1) else "Action"] = actions if len(actions) > 1 or self.chance(0.5) else actions[0]
        resources = [self.resource_pattern(service) for _ in range(self.rng.randint(1, 2))]
        st["NotResource" if self.chance(0.08) else "Resource"] = resources if len(resources) > 1 else resources[0]
        if self.chance(0.45):
            conditions = {}
            for _ in range(self.rng.randint(1, 2)):
                op, key, values, ctx, typ = self.condition()
                conditions.setdefault(op, {})[key] = values if len(values) > 1 or self.chance(0.5) else values[0]
                if self.chance(0.75) and key not in context:
                    context[key] = (ctx, typ)
            st["Condition"] = conditions
        return st

    def policy(self, service, context, deny_rate):
        statements = [self.statement(service, context, deny_rate) for _ in range(self.rng.randint(1, 3))]
        sids = [st["Sid"] for st in statements if "Sid" in st]
        if len(set(sids)) != len(sids):  # Sids are unique within a policy
            for i, st in enumerate(statements):
                if "Sid" in st:
                    st["Sid"] = "S" + str(i)
        return json.dumps({"Version": "2012-10-17", "Statement": statements}, separators=(",", ":"))

    def case(self, managed_per_case):
        service = self.pick(self.services)
        user = self.pick(USERS)
        context = {}
        if self.chance(0.7):
            context["aws:username"] = ([user], "string")
        if self.chance(0.5):
            context["aws:PrincipalTag/team"] = ([self.pick(TEAMS)], "string")
        policies = [self.policy(service, context, 0.25) for _ in range(self.rng.randint(1, 3))]
        if managed_per_case:
            policies += self.rng.sample(self.managed, managed_per_case)
        elif self.chance(0.25):
            policies.append(self.pick(self.managed))
        self.rng.shuffle(policies)
        case = {"PolicyInputList": policies}
        if self.chance(0.3):
            case["PermissionsBoundaryPolicyInputList"] = [
                self.pick(self.managed) if self.chance(0.3) else self.policy(service, context, 0.15)]
        case["ActionNames"] = [self.some_case(self.action(service if self.chance(0.85) else None))
                               for _ in range(self.rng.randint(1, 3))]
        if self.chance(0.9):
            case["ResourceArns"] = [self.resource(service, user) for _ in range(self.rng.randint(1, 2))]
        case["CallerArn"] = f"arn:aws:iam::{ACCOUNT}:user/{user}"
        if self.chance(0.05):
            case["ResourceOwner"] = f"arn:aws:iam::{OTHER_ACCOUNT}:root"
        if context:
            case["ContextEntries"] = [{"ContextKeyName": k, "ContextKeyValues": v, "ContextKeyType": t}
                                      for k, (v, t) in sorted(context.items())]
        return case


def with_derived_keys(case):
    """`case` with the keys AWS derives from an IAM user CallerArn added to its
    ContextEntries, unless given there (see iam::principal_context): the reference
    simulator does not derive them."""
    user = re.fullmatch(r"arn:(aws[a-z-]*):iam::(\d{12}):user/(?:.*/)?([^/]+)", case.get("CallerArn", ""))
    if not user:
        return case
    entries = list(case.get("ContextEntries", []))
    given = {e["ContextKeyName"].lower() for e in entries}
    for key, value in [("aws:username", user.group(3)), ("aws:PrincipalArn", case["CallerArn"]),
                       ("aws:PrincipalAccount", user.group(2)), ("aws:PrincipalType", "User")]:
        if key.lower() not in given:
            entries.append({"ContextKeyName": key, "ContextKeyValues": [value], "ContextKeyType": "string"})
    return dict(case, ContextEntries=entries)


def showcase():
    """Hand-written cases for the full-output golden test (tests/data/golden/showcase-*):
    keys derived from the caller, missing keys in allows and in denies (with what they
    could change), policy variables, and request values their operator cannot read."""
    caller = f"arn:aws:iam::{ACCOUNT}:user/division/alice"

    def policy(*statements):
        return json.dumps({"Version": "2012-10-17", "Statement": list(statements)}, separators=(",", ":"))

    def allow(action, resource, condition=None, effect="Allow"):
        st = {"Effect": effect, "Action": action, "Resource": resource}
        if condition:
            st["Condition"] = condition
        return st

    def ctx(key, values, typ="string"):
        return {"ContextKeyName": key, "ContextKeyValues": values, "ContextKeyType": typ}

    home = "arn:aws:s3:::home/alice/notes.txt"
    return [
        # Each derived key decides an allow.
        {"PolicyInputList": [policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*", {
            "StringEquals": {"aws:PrincipalType": "User", "aws:PrincipalAccount": ACCOUNT},
            "ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/division/*"}}))],
         "ActionNames": ["s3:GetObject"], "ResourceArns": [home, "arn:aws:s3:::home/bob/notes.txt"], "CallerArn": caller},
        # A supplied key wins over the derived one.
        {"PolicyInputList": [policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"))],
         "ActionNames": ["s3:GetObject"], "ResourceArns": [home, "arn:aws:s3:::home/bob/notes.txt"], "CallerArn": caller,
         "ContextEntries": [ctx("aws:username", ["bob"])]},
        # Without a user caller nothing is derived: the variable is missing.
        {"PolicyInputList": [policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*"))],
         "ActionNames": ["s3:GetObject"], "ResourceArns": [home], "CallerArn": f"arn:aws:iam::{ACCOUNT}:role/app"},
        # An allow behind a missing key; every missing key of the statement listed.
        {"PolicyInputList": [policy(allow("s3:*", "*", {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"},
                                                          "Bool": {"aws:MultiFactorAuthPresent": "true"}}))],
         "ActionNames": ["s3:GetObject", "iam:CreateUser"], "CallerArn": caller},
        # A deny a missing key could apply to an allowed request; a deny only a missing key applies.
        {"PolicyInputList": [policy(allow("s3:*", "*"),
                                    allow("s3:GetObject", "*", {"IpAddress": {"aws:SourceIp": "198.51.100.0/24"}}, "Deny"),
                                    allow("s3:PutObject", "*", {"StringNotEquals": {"aws:SourceVpc": "vpc-1"}}, "Deny"))],
         "ActionNames": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], "CallerArn": caller},
        # A boundary allow behind a missing key; an unconditional deny no key can lift.
        {"PolicyInputList": [policy(allow("s3:*", "*"), allow("s3:DeleteObject", "*", None, "Deny"))],
         "PermissionsBoundaryPolicyInputList": [policy(allow("s3:*", "*", {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}))],
         "ActionNames": ["s3:GetObject", "s3:DeleteObject"], "CallerArn": caller},
        # Request values their operators cannot read.
        {"PolicyInputList": [policy(allow("s3:*", "*", {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}),
                                    allow("s3:*", "*", {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}),
                                    allow("s3:*", "*", {"NumericLessThan": {"s3:max-keys": "10"}}))],
         "ActionNames": ["s3:ListBucket"], "CallerArn": caller,
         "ContextEntries": [ctx("aws:SourceIp", ["10.0.0.300"], "ip"), ctx("aws:CurrentTime", ["soon"], "date"),
                            ctx("s3:max-keys", ["ten"], "numeric")]},
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--managed-per-case", type=int, default=0,
                        help="attach this many AWS managed policies to every case (benchmark input)")
    parser.add_argument("--for-oracle", action="store_true",
                        help="read cases on stdin, write them with the caller's derived keys for the reference simulator")
    parser.add_argument("--showcase", action="store_true", help="write the hand-written full-output golden cases")
    args = parser.parse_args()
    if args.showcase:
        for case in showcase():
            print(json.dumps(case, separators=(",", ":")))
        return
    if args.for_oracle:
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(with_derived_keys(json.loads(line)), separators=(",", ":")))
        return
    rng = random.Random(args.seed)
    actions, typed = load_catalog("examples/data/iam-actions/iam-actions.tsv")
    managed = load_managed("examples/data/aws-managed-policies/aws-managed-policies.jsonl",
                           1_000_000 if args.managed_per_case else 1500)
    generator = Generator(rng, actions, managed)
    kept = 0
    while kept < args.count:
        case = generator.case(args.managed_per_case)
        if args.managed_per_case or aws_documentation_differs(case, typed) is None:  # the benchmark keeps all
            print(json.dumps(case, separators=(",", ":")))
            kept += 1


if __name__ == "__main__":
    main()
