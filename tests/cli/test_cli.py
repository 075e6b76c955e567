#!/usr/bin/env python3
"""End-to-end tests of the `iamcpp` command-line tool: output, formats and exit codes.
Usage: test_cli.py PATH/TO/iamcpp REPO_ROOT"""
import json
import os
import sys
import tempfile

from harness import check, finish, run

root = sys.argv[2]


data = os.path.join(root, "examples", "data")
users = os.path.join(data, "users.txt")
mistakes = os.path.join(data, "users-with-mistakes.txt")

code, out, err = run(["lint-names", users])
check("clean list exits 0 and prints nothing", code == 0 and out == "", (code, out, err))

code, out, err = run(["lint-names", mistakes])
expected = [
    f"{mistakes}:3:4: error: invalid user name `bob nguyen`: character ' ' (0x20) at offset 3 is not allowed "
    "in a user name: use letters, digits and _+=,.@- [bad-character]",
    f"{mistakes}:4:1: error: duplicate user name `Alice.Martin`: the same name ignoring case is at {mistakes}:2 [duplicate]",
    f"{mistakes}:5:6: error: invalid user name `carol/ops`: character '/' (0x2F) at offset 5 is not allowed "
    "in a user name: use letters, digits and _+=,.@- [bad-character]",
    f"{mistakes}:6:1: error: invalid user name `a-name-that-is-far-too-long-for-iam-because-it-goes-past-sixty-four`: "
    "user name must be 1 to 64 characters [too-long]",
    f"{mistakes}:8:1: error: duplicate user name `TERRAFORM-CI`: the same name ignoring case is at {mistakes}:7 [duplicate]",
]
check("findings in gcc style, exit 1", code == 1 and out.splitlines() == expected, (code, out))

code, out, err = run(["lint-names", "--format", "json", mistakes])
doc = json.loads(out)
check("json format: one document with every finding", code == 1 and doc["checked"] == 7 and
      [f["rule"] for f in doc["findings"]] == ["bad-character", "duplicate", "bad-character", "too-long", "duplicate"] and
      doc["findings"][1]["first"] == {"file": mistakes, "line": 2}, out)

code, out, err = run(["lint-names", "--format=json", "-"], b"ok\n")
check("json format on a clean list", code == 0 and json.loads(out) == {"kind": "user", "checked": 1, "findings": []}, out)

code, out, err = run(["lint-names"], b"alice\r\n# comment\n\nALICE\r\n")
check("stdin by default, CR dropped, comments and blanks skipped",
      code == 1 and out == "<stdin>:4:1: error: duplicate user name `ALICE`: the same name ignoring case is at <stdin>:1 [duplicate]\n", out)

code, out, err = run(["lint-names", "-"], b" alice\n")
check("leading space is an error, not trimmed", code == 1 and ":1:1:" in out and "[bad-character]" in out, out)

with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt")
    open(a, "w").write("Admins\n")
    open(b, "w").write("devs\nADMINS\n")
    code, out, err = run(["lint-names", "--kind", "group", a, b])
    check("duplicates across files name the first file", code == 1 and
          out == f"{b}:2:1: error: duplicate group name `ADMINS`: the same name ignoring case is at {a}:1 [duplicate]\n", out)

code, out, err = run(["lint-names", "--kind", "path"], b"/a/\n/A/\n/a\n")
check("paths: shape checked, repeats allowed", code == 1 and out.count("error:") == 1 and "[path-end]" in out, out)
code, out, err = run(["lint-names", "--kind", "tag-key"], b"Team\nteam\naws:x\n")
check("tag keys: unique ignoring case, aws: reserved", code == 1 and "[duplicate]" in out and "[reserved-prefix]" in out, out)
code, out, err = run(["lint-names", "--kind", "tag-value"], b"x\nx\n")
check("tag values may repeat", code == 0, out)
code, out, err = run(["lint-names", "-"], b"x\xff\n")
check("binary bytes are shown escaped", code == 1 and "`x\\xFF`" in out, out)

code, out, err = run(["lint-names", "/nonexistent/names.txt"])
check("unreadable file: exit 2 with a message", code == 2 and "cannot read" in err and out == "", (code, err))
code, out, err = run(["lint-names", "--kind", "nonsense"])
check("bad --kind: exit 2", code == 2 and "--kind" in err, (code, err))
code, out, err = run(["lint-names", "--format", "xml"])
check("bad --format: exit 2", code == 2, (code, err))
code, out, err = run(["lint-names", "--bogus"])
check("unknown option: exit 2", code == 2 and "unknown option" in err, (code, err))
code, out, err = run(["frobnicate"])
check("unknown command: exit 2", code == 2 and "unknown command" in err, (code, err))
code, out, err = run([])
check("no command: usage on stderr, exit 2", code == 2 and "usage" in err, (code, err))
code, out, err = run(["--help"])
check("--help: usage on stdout, exit 0", code == 0 and "lint-names" in out, (code, out))
code, out, err = run(["lint-names", "--help"])
check("lint-names --help lists the kinds", code == 0 and "tag-key" in out, (code, out))
code, out, err = run(["lint-names", "--", "-x-"])
check("-- ends options", code == 2 and "cannot read `-x-`" in err, (code, err))

# check-policy
policy = b"""{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjekt"], "Resource": "arn:aws:s3:::b/*"},
    {"Effect": "Permit", "Action": "GetObject", "Resource": "*"}
  ]
}
"""
code, out, err = run(["check-policy", "-"], policy)
check("check-policy: errors and warnings with line, column and JSON path, exit 1", code == 1 and out.splitlines() == [
    "<stdin>:4:67: warning: action `s3:GetObjekt` is not in the action catalog [/Statement/0/Action/1]",
    "<stdin>:5:16: error: Effect must be \"Allow\" or \"Deny\" (case-sensitive) [/Statement/1/Effect]",
    "<stdin>:5:36: error: action `GetObject` must be `*` or `service:Action` (letters, digits and `-` in the service; "
    "letters, digits and `*?_-` in the action) [/Statement/1/Action]"], out)
code, out, err = run(["check-policy", "--format", "json", "-"], policy)
doc = json.loads(out)
check("check-policy --format json", code == 1 and doc["files"][0]["valid"] is False and
      [f["code"] for f in doc["files"][0]["findings"]] == ["unknown-action", "bad-effect", "bad-action"] and
      doc["files"][0]["findings"][1]["path"] == "/Statement/1/Effect", out)
valid = b'{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}'
code, out, err = run(["check-policy", "-"], valid)
check("check-policy: warnings alone exit 0 (a lone statement object has no index in the path)",
      code == 0 and "warning:" in out and "[/Statement/NotAction]" in out, out)
code, out, err = run(["check-policy", "--json-only", "-"], b'{"a":1,}')
check("check-policy --json-only: syntax errors only", code == 1 and out.startswith("<stdin>:1:8: error:"), out)
code, out, err = run(["check-policy", "--json-only", "-"], b'{"Effect":"Nope"}')
check("check-policy --json-only accepts any JSON", code == 0 and out == "", out)
code, out, err = run(["check-policy", "--json-only", "-"], b'{"a":1,"a":2}')
check("check-policy --json-only: a repeated key is valid JSON (RFC 8259)", code == 0 and out == "", (code, out))
for name in ("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"):
    code, out, err = run(["check-policy", "--json-only",
                          os.path.join(root, "tests", "data", "JSONTestSuite", "test_parsing", name)])
    check(f"check-policy --json-only accepts JSONTestSuite {name}", code == 0 and out == "", (code, out))
code, out, err = run(["check-policy", "-"],
                     b'{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Effect":"Deny"}}')
check("check-policy: a repeated key is an error naming the key, at its pointer", code == 1 and out ==
      "<stdin>:1:83: error: invalid JSON: duplicate object key `Effect` (keys must be unique) [/Statement/Effect]\n", out)
grammar = (b'{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":['
           b'"arn:aws:iam:us-east-1:123456789012:role/*","arn:aws:s3:us-west-2:123456789012:b/*",'
           b'"arn:aws:s3:*:*:accesspoint/*","arn:aws:s*:::b"],"Condition":{'
           b'"NotIpAddressIfExists":{"aws:SourceIp":"${aws:x}"},"NumericLessThan":{"aws:MultiFactorAuthAge":"${aws:y}"}}}}')
code, out, err = run(["check-policy", "-"], grammar)
check("check-policy: region in IAM/S3 ARNs, service wildcards, variables where AWS allows none; operators as written",
      code == 1 and out.splitlines() == [
          "<stdin>:1:79: error: resource `arn:aws:iam:us-east-1:123456789012:role/*` cannot contain region "
          "information: IAM ARNs leave the region empty [/Statement/Resource/0]",
          "<stdin>:1:123: error: resource `arn:aws:s3:us-west-2:123456789012:b/*` cannot contain region "
          "information: S3 bucket and object ARNs leave the region empty [/Statement/Resource/1]",
          "<stdin>:1:194: error: resource `arn:aws:s*:::b` has a wildcard in its service segment: name the service "
          "exactly [/Statement/Resource/3]",
          "<stdin>:1:264: error: NotIpAddressIfExists expects an IPv4 or IPv6 address with optional /prefix, not "
          "`${aws:x}` (this operator takes no policy variables) [/Statement/Condition/NotIpAddressIfExists/aws:SourceIp]",
          "<stdin>:1:320: error: NumericLessThan expects a number (JSON number or numeric string), not `${aws:y}` "
          "(this operator takes no policy variables) [/Statement/Condition/NumericLessThan/aws:MultiFactorAuthAge]"], out)
deny_v6 = json.dumps({"PolicyInputList": [json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.7"}}}]})],
    "ActionNames": ["s3:GetObject"], "ResourceArns": ["arn:aws:s3:::b/k"],
    "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["2001:db8::1"], "ContextKeyType": "ip"}]})
code, out, err = run(["simulate", "--input", "-"], deny_v6.encode())
check("simulate: NotIpAddress denies a caller of the other address family",
      code == 0 and json.loads(out)["EvaluationResults"][0]["EvalDecision"] == "explicitDeny", (code, out, err))
allow_all = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
service_linked = "arn:aws:iam::123456789012:role/aws-service-role/ec2.amazonaws.com/AWSServiceRoleForEC2"
request = json.dumps({"PolicyInputList": [allow_all], "ActionNames": ["iam:DeleteRole", "iam:GetRole"],
                      "ResourceArns": [service_linked], "CallerArn": "arn:aws:iam::123456789012:user/alice"})
code, out, err = run(["simulate", "--input", "-"], request.encode())
results = json.loads(out)["EvaluationResults"]
check("simulate: changing a service-linked role is not grantable, with the reason; reading it is",
      code == 0 and [r["EvalDecision"] for r in results] == ["implicitDeny", "allowed"] and
      results[0]["NotGrantable"] == "a service-linked role is changed only by the service it is linked to" and
      "NotGrantable" not in results[1], out)
code, out, err = run(["simulate", "--input", "-", "--explain"], request.encode())
check("simulate --explain: says why no policy can grant it",
      "  no customer policy can grant this: a service-linked role is changed only by the service it is linked to\n" in out, out)
s3_reports = json.dumps({"Version": "2012-10-17",
                         "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*"}]})
request = json.dumps({"PolicyInputList": [s3_reports], "ActionNames": ["s3:ListAllMyBuckets", "s3:GetObject"]})
code, out, err = run(["simulate", "--input", "-", "--explain"], request.encode())
check("simulate: * is the resource itself for an action without resource types, some resource otherwise",
      code == 0 and out == "s3:ListAllMyBuckets on *: implicitDeny\ns3:GetObject on *: allowed\n"
      "  allowed by PolicyInputList.1 statement 0\n"
      '  "*" read as "some resource": the action has resource types; name one to check it\n', out)
big = b'{"Version":"2012-10-17","Statement":[' + b",".join(
    b'{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-%d/*"}' % i for i in range(40)) + b']}'
code, out, err = run(["check-policy", "--kind", "user-inline", "-"], big)
check("check-policy --kind user-inline applies the 2,048 limit, at the character past it", code == 1 and
      out == "<stdin>:1:2049: error: the policy has 3268 characters (white space not counted); the limit is 2048 []\n", out)
code, out, err = run(["check-policy", "--kind", "identity", "-"], big)
check("check-policy --kind identity has no size limit", code == 0, out)
code, out, err = run(["check-policy", "--kind", "managed", "-"], b'{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}')
check("check-policy --kind managed requires Version 2012-10-17 as CreatePolicy does",
      code == 1 and out == "<stdin>:1:1: error: Policy document must be version 2012-10-17 or greater. []\n", out)
code, out, err = run(["check-policy"])
check("check-policy: no file is a usage error", code == 2, err)
code, out, err = run(["check-policy", "--kind", "role"])
check("check-policy: bad --kind names every kind", code == 2 and err.strip().endswith(
    "--kind takes one of identity, boundary, user-inline, group-inline, role-inline, managed, "
    "resource, trust, scp, rcp, session, endpoint"), err)
# Each kind's grammar: a valid policy of the kind passes, a typical mistake fails where it is.
kind_cases = [
    ("resource", {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::b/*"},
     {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
     "error: the statement has neither Principal nor NotPrincipal: resource-based policies name who they apply to "
     "[/Statement/0]"),
    ("trust", {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
     {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"},
     'error: trust policies cannot have Resource (the role is the resource: "Has prohibited field Resource") '
     "[/Statement/0/Resource]"),
    ("scp", {"Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::b/*",
             "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}},
     {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"},
     "error: SCPs cannot have Principal [/Statement/0/Principal]"),
    ("rcp", {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
             "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}},
     {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
     'error: RCPs allow only as RCPFullAWSAccess does (Principal, Action and Resource "*", no Condition); '
     "write Deny statements [/Statement/0/Effect]"),
    ("session", {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
     {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"},
     "error: session policies cannot have Principal (it belongs in resource-based policies) [/Statement/0/Principal]"),
    ("endpoint", {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
     {"Effect": "Allow", "Action": "*", "Resource": "*"},
     "error: the statement has neither Principal nor NotPrincipal: VPC endpoint policies name who they apply to "
     "[/Statement/0]"),
]
for kind, good, bad, message in kind_cases:
    code, out, err = run(["check-policy", "--kind", kind, "-"],
                         json.dumps({"Version": "2012-10-17", "Statement": [good]}).encode())
    check(f"check-policy --kind {kind} accepts its grammar", code == 0 and "error:" not in out, (code, out, err))
    code, out, err = run(["check-policy", "--kind", kind, "--format", "json", "-"],
                         json.dumps({"Version": "2012-10-17", "Statement": [bad]}).encode())
    findings = json.loads(out)["files"][0]["findings"]
    check(f"check-policy --kind {kind} rejects what AWS rejects", code == 1 and len(findings) == 1 and
          "error: " + findings[0]["message"] + " [" + findings[0]["path"] + "]" == message, out)
code, out, err = run(["check-policy", "--kind", "rcp", "--format", "json", "-"],
                     b'{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}}')
check("check-policy --kind rcp: Principal is \"*\" only, with a stable code",
      code == 1 and [f["code"] for f in json.loads(out)["files"][0]["findings"]] == ["bad-principal"], out)
padded = b'{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}' + b" " * 5100
code, out, err = run(["check-policy", "--kind", "scp", "-"], padded)
check("check-policy --kind scp counts white space toward its 5,120 characters", code == 1 and
      out == "<stdin>:1:5121: error: the policy has 5182 characters (white space counted); the limit is 5120 []\n", out)
code, out, err = run(["check-policy", "--kind", "managed", "-"], padded)
check("check-policy --kind managed does not count white space", code == 0, out)
code, out, err = run(["check-policy", "/nonexistent.json"])
check("check-policy: unreadable file exits 2", code == 2 and "cannot read" in err, err)

# Every AWS managed policy is accepted (warnings allowed).
with tempfile.TemporaryDirectory() as tmp:
    paths = []
    for i, line in enumerate(open(os.path.join(data, "aws-managed-policies", "aws-managed-policies.jsonl"))):
        entry = json.loads(line)
        path = os.path.join(tmp, f"{i}.json")
        with open(path, "w") as f:
            json.dump(entry["document"], f, indent=2)
        paths.append(path)
    code, out, err = run(["check-policy"] + paths)
    check(f"check-policy accepts all {len(paths)} AWS managed policies", code == 0 and len(paths) == 1594 and
          "error:" not in out, out[:500])

# simulate
request = os.path.join(data, "simulate-request.json")
code, out, err = run(["simulate", "--input", request])
doc = json.loads(out)
decisions = [r["EvalDecision"] for r in doc["EvaluationResults"]]
check("simulate --input: AWS's output shape, actions outer", code == 0 and decisions ==
      ["allowed", "explicitDeny", "implicitDeny", "implicitDeny", "explicitDeny", "implicitDeny"] and
      doc["EvaluationResults"][0]["MatchedStatements"][0] == {"SourcePolicyId": "PolicyInputList.1", "SourcePolicyType": "IAM Policy",
                                                              "StatementIndex": 0, "Sid": "ReadReports"} and
      doc["EvaluationResults"][2]["MissingContextValues"] == ["aws:MultiFactorAuthPresent"] and
      doc["EvaluationResults"][0]["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": True}, out)
check("simulate --input: missing keys with what they could change, beside AWS's MissingContextValues",
      [r["CouldChangeDecision"] for r in doc["EvaluationResults"][:3]] == [
          [{"ContextKeyName": "aws:SourceIp", "CouldBecome": ["explicitDeny"]}], [],
          [{"ContextKeyName": "aws:MultiFactorAuthPresent", "CouldBecome": ["allowed"]}]] and
      doc["EvaluationResults"][1]["MissingContextValues"] == ["aws:SourceIp"] and
      all(r["UnreadableContextValues"] == [] for r in doc["EvaluationResults"]), out)
code, out, err = run(["simulate", "--input", request, "--explain"])
check("simulate --explain names the deciding statements, the derived keys and missing keys with what they could change",
      code == 0 and
      out.startswith("context derived from the caller: aws:username=alice, aws:PrincipalArn=arn:aws:iam::123456789012:user/alice, "
                     "aws:PrincipalAccount=123456789012, aws:PrincipalType=User, aws:PrincipalIsAWSService=false\n") and
      "s3:GetObject on arn:aws:s3:::reports/secret/salaries.csv: explicitDeny\n  denied by PolicyInputList.2 statement 0 (Sid NoSecrets)" in out and
      "  WARNING: missing context key aws:SourceIp (PolicyInputList.2 statement 1): supplying it could make this explicitDeny\n" in out and
      "  missing context key aws:SourceIp (PolicyInputList.2 statement 1): cannot change this decision\n" in out and
      "  missing context key aws:MultiFactorAuthPresent (PolicyInputList.1 statement 1): supplying it could make this allowed\n" in out, out)
bad_value = json.dumps({"PolicyInputList": [json.dumps({"Version": "2012-10-17", "Statement": {
    "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}})],
    "ActionNames": ["s3:GetObject"], "ContextEntries": [{"ContextKeyName": "aws:SourceIp", "ContextKeyValues": ["10.0.0.300"],
                                                          "ContextKeyType": "ip"}]})
code, out, err = run(["simulate", "--input", "-", "--explain"], bad_value.encode())
check("simulate --explain reports an unreadable context value as an error",
      code == 0 and "  error: context value `10.0.0.300` of aws:SourceIp cannot be read by IpAddress (PolicyInputList.1 statement 0)\n" in out, out)
lines = open(request).read().replace("\n", " ") + "\n{broken\n\n" + json.dumps({"ActionNames": ["iam:CreateUser"]}) + "\n"
code, out, err = run(["simulate", "--jsonl"], lines.encode())
rows = [json.loads(l) for l in out.splitlines()]
check("simulate --jsonl: one result per line in order, a refused line gets its Error", code == 0 and len(rows) == 3 and
      len(rows[0]["EvaluationResults"]) == 6 and "Error" in rows[1] and
      rows[2]["EvaluationResults"][0]["EvalDecision"] == "implicitDeny", out)
code, out, err = run(["simulate", "--input", "-"], b'{"PolicyInputList":[42],"ActionNames":["a:b"]}')
check("simulate --input: a refused request prints its Error and exits 1", code == 1 and "Error" in json.loads(out), out)
code, out, err = run(["simulate"])
check("simulate: needs --input or --jsonl", code == 2 and "--input" in err, err)
code, out, err = run(["simulate", "--jsonl", "--explain"])
check("simulate: --explain goes with --input", code == 2, err)
code, out, err = run(["simulate", "--input", "/nonexistent.json"])
check("simulate: unreadable input exits 2", code == 2 and "cannot read" in err, err)

account = os.path.join(data, "account.json")
code, out, err = run(["audit", account])
check("audit: the bundled account's findings, gcc-like, exit 1", code == 1 and [l.split(": ")[1:3] for l in out.splitlines()] == [
    ["unbounded-full-access", "user/alice.martin"], ["access-keys-with-console", "user/bob.nguyen"],
    ["console-without-mfa", "user/carol.smith"], ["unbounded-full-access", "user/dave.ops"],
    ["policy-voided-by-boundary", "user/frank.contractor"]], out)
code, out, err = run(["audit", "--format", "json", account])
doc = json.loads(out)
check("audit --format json", code == 1 and doc["account"] == "111122223333" and len(doc["findings"]) == 5 and
      set(doc["findings"][0]) == {"kind", "entity", "message"}, out)
clean = json.dumps({"AccountId": "123456789012", "UserDetailList": [{"UserName": "ci", "Path": "/"}]})
code, out, err = run(["audit", "-"], clean.encode())
check("audit: a clean account exits 0", code == 0 and out == "", (code, out, err))
code, out, err = run(["audit", "-"], b'{"AccountId": "123456789012", "UserDetailList": [{"UserName": "a b"}]}')
check("audit: an unreadable entry is a finding with its JSON path", code == 1 and
      "unreadable-entry: /UserDetailList/0" in out, (code, out))
code, out, err = run(["audit", "-"], b"[not json")
check("audit: unreadable input exits 2", code == 2 and "invalid JSON" in err, (code, err))
code, out, err = run(["audit"])
check("audit: no account file is a usage error", code == 2, err)

code, out, err = run(["effective", "--format", "json", account])
doc = json.loads(out)
names = [u["name"] for u in doc["users"]]
frank = next(u for u in doc["users"] if u["name"] == "frank.contractor")
actions = [a["action"] for a in frank["allowed"]]
check("effective --format json: every user, actions sorted, the boundary applied", code == 0 and len(names) == 8 and
      frank["arn"] == "arn:aws:iam::111122223333:user/contractors/frank.contractor" and actions == sorted(actions) and
      not any(a.startswith("iam:") for a in actions) and
      {"action", "resources", "conditional"} <= set(frank["allowed"][0]), out[:300])
code, out, err = run(["effective", "--user", "CAROL.SMITH", account])
check("effective --user (ignoring case): grouped by service and access level", code == 0 and
      out.startswith("carol.smith (arn:aws:iam::111122223333:user/carol.smith): ") and
      "  athena Read: GetQueryExecution, GetQueryResults on arn:aws:athena:eu-west-1:111122223333:workgroup/analytics\n" in out, out)
code, out, err = run(["effective", "--user", "bob.nguyen", account])
check("effective marks conditional actions with their keys", "[conditional: " in out and "aws:MultiFactorAuthPresent" in out, out)
code, out, err = run(["effective", "--user", "nobody", account])
check("effective: unknown user exits 2", code == 2 and "no user named" in err, (code, err))
code, out, err = run(["effective", "/nonexistent.json"])
check("effective: unreadable file exits 2", code == 2 and "cannot read" in err, err)

# Roles are principals; what could not be read is listed, never dropped silently.
code, out, err = run(["effective", "--format", "json", account])
doc = json.loads(out)
check("effective --format json: users, roles and problems; 0 when the dump is read whole",
      code == 0 and set(doc) == {"users", "roles", "problems"} and doc["problems"] == [] and len(doc["roles"]) == 1 and
      set(doc["roles"][0]) == {"name", "arn", "allowed"} and ":role/" in doc["roles"][0]["arn"] and err == "", (code, err))
role_name = doc["roles"][0]["name"]
code, out, err = run(["effective", "--role", role_name.upper(), account])
check("effective --role NAME (ignoring case): that role alone", code == 0 and
      out.startswith(f"{role_name} (arn:aws:iam::111122223333:role/") and "user/" not in out, out)
code, out, err = run(["effective", "--format", "json", "--role", role_name, account])
doc = json.loads(out)
check("effective --role in JSON: no users", code == 0 and doc["users"] == [] and len(doc["roles"]) == 1, out[:200])
code, out, err = run(["effective", "--role", "nobody", account])
check("effective: unknown role exits 2", code == 2 and "no role named" in err, (code, err))
code, out, err = run(["effective", "--role"])
check("effective: --role needs a name", code == 2 and "--role takes a role name" in err, (code, err))

everything = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
partial = json.dumps({"UserDetailList": [
    {"UserName": "ok", "Arn": "arn:aws:iam::123456789012:user/ok", "CreateDate": "2023-03-09 10:41:45+00:00",
     "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": everything}]},
    {"UserName": "a b", "Arn": "arn:aws:iam::123456789012:user/a b"},
    {"UserName": "dated", "Arn": "arn:aws:iam::123456789012:user/dated", "CreateDate": "last week"},
    {"UserName": "unresolved", "Arn": "arn:aws:iam::123456789012:user/unresolved",
     "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::123456789012:policy/Missing"}]},
    {"UserName": "unbounded", "Arn": "arn:aws:iam::123456789012:user/unbounded",
     "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": everything}],
     "PermissionsBoundary": {"PermissionsBoundaryArn": "not an ARN"}}],
    "RoleDetailList": [{"RoleName": "r", "Arn": "arn:aws:iam::123456789012:role/r",
                        "CreateDate": "2023-03-09 10:41:45.123+00:00", "RoleLastUsed": {}, "InstanceProfileList": [],
                        "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": everything}]}]})
code, out, err = run(["effective", "--format", "json", "-"], partial.encode())
doc = json.loads(out)
check("effective: something skipped or read in part prints what it has, lists the problems and exits 1",
      code == 1 and [u["name"] for u in doc["users"]] == ["dated", "ok"] and [r["name"] for r in doc["roles"]] == ["r"] and
      [p["path"] for p in doc["problems"]] == ["/UserDetailList/1/UserName", "/UserDetailList/2/CreateDate",
                                               "/UserDetailList/4/PermissionsBoundary/PermissionsBoundaryArn",
                                               "user/unbounded", "user/unresolved"] and
      "/UserDetailList/1/UserName" in err and "user/unresolved" in err, (code, out, err))
code, out, err = run(["effective", "-"], partial.encode())
check("effective text: exit 1 and the problems on stderr", code == 1 and out.startswith("dated (") and
      "\nr (arn:aws:iam::123456789012:role/r): 1 actions" in out and err.count("problem:") == 5, (code, out, err))

dumps = os.path.join(root, "tests", "data", "dumps")
example = os.path.join(dumps, "cloudsplaining-example.json")
code, out, err = run(["effective", "--format", "json", example])
doc = json.loads(out)
check("effective on a real boto3 dump: every user and role, exit 0",
      code == 0 and len(doc["users"]) == 44 and len(doc["roles"]) == 78 and doc["problems"] == [], (code, err[:500]))
code, out, err = run(["audit", "--format", "json", example])
doc = json.loads(out)
foreign = sorted(f["entity"] for f in doc["findings"] if f["kind"] == "foreign-arn")
check("audit on a real dump: its account from most ARNs, the other account's entities are findings",
      code == 1 and doc["account"] == "200611803367" and len(foreign) == 10, foreign)
truncated = os.path.join(dumps, "awscli-doc-example.json")
code, out, err = run(["effective", "--format", "json", truncated])
doc = json.loads(out)
check("effective on one page of several (IsTruncated): what it has, exit 1",
      code == 1 and len(doc["users"]) == 3 and [p["path"] for p in doc["problems"]] == ["/IsTruncated"], (code, out[:300]))
demo = os.path.join(dumps, "cloudmapper-demo.json")
code, out, err = run(["audit", demo])
check("audit: a role anyone may assume", code == 1 and "open-trust-policy: role/bad_role" in out, out)


# Reviewer's dumps: nothing read in part is evaluated or judged, nothing is replaced by a bundled copy.
deny_all = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}
allow_all = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
read_only = "arn:aws:iam::aws:policy/ReadOnlyAccess"
def one_user(user, **lists):
    return json.dumps(dict({"UserDetailList": [dict({"UserName": "u", "Arn": "arn:aws:iam::111122223333:user/u"}, **user)]},
                           **lists)).encode()
unreadable_version = one_user({"AttachedManagedPolicies": [{"PolicyArn": read_only}]}, Policies=[
    {"Arn": read_only, "DefaultVersionId": "v1",
     "PolicyVersionList": [{"Document": 5, "VersionId": "v1", "IsDefaultVersion": True}]}])
code, out, err = run(["effective", "--format", "json", "-"], unreadable_version)
doc = json.loads(out)
check("effective: a dump's policy that cannot be read is not replaced by the bundled copy",
      code == 1 and doc["users"] == [] and [p["path"] for p in doc["problems"]] ==
      ["/Policies/0/PolicyVersionList/0/Document", "user/u"], (code, out))
misdated = one_user({"AttachedManagedPolicies": [{"PolicyArn": read_only}]}, Policies=[
    {"Arn": read_only, "DefaultVersionId": "v1",
     "PolicyVersionList": [{"Document": deny_all, "VersionId": "v1", "IsDefaultVersion": True, "CreateDate": "2023/01/01"}]}])
code, out, err = run(["effective", "--format", "json", "-"], misdated)
doc = json.loads(out)
check("effective: a version's unreadable date keeps the dump's document (Deny: nothing allowed)",
      code == 1 and [(u["name"], u["allowed"]) for u in doc["users"]] == [("u", [])], (code, out))
twin_groups = one_user({"GroupList": ["G"], "UserPolicyList": [{"PolicyName": "p", "PolicyDocument": allow_all}]},
                       GroupDetailList=[{"GroupName": "g"}, {"GroupName": "G", "GroupPolicyList": [
                           {"PolicyName": "d", "PolicyDocument": deny_all}]}])
code, out, err = run(["audit", "-"], twin_groups)
check("audit: a member of a case-duplicate group is not evaluated",
      code == 1 and "not-evaluated: user/u" in out and "unbounded-full-access" not in out, out)
code, out, err = run(["effective", "-"], twin_groups)
check("effective: a member of a case-duplicate group is not evaluated", code == 1 and out == "" and
      "problem: not evaluated: some of its policies, boundary or groups could not be read [user/u]" in err, (code, out, err))
code, out, err = run(["effective", "--format", "json", "-"],
                     one_user({"Arn": "arn:aws:iam::111122223333:user/other"}))
check("effective: an Arn naming another user is a problem", code == 1 and
      [p["path"] for p in json.loads(out)["problems"]] == ["/UserDetailList/0/Arn"], (code, out))

finish()
