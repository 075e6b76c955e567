#!/usr/bin/env python3
"""End-to-end tests of `iamcpp who-can`: who may perform an action on a resource, from a dump.
Usage: test_who_can.py PATH/TO/iamcpp REPO_ROOT"""
import json
import os
import sys
import tempfile

from harness import check, finish, run

root = sys.argv[2]


def who_can(action, resource, *options, dump=None):
    """The JSON report of who-can, its exit code and standard error."""
    code, out, err = run(["who-can", "--format", "json", "--action", action, "--resource", resource, *options,
                          dump or account])
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, {"principals": [], "problems": [], "unreadable": out}, err


def listed(doc):
    """{name: principal} of a report."""
    return {p["name"]: p for p in doc["principals"]}


account = os.path.join(root, "examples", "data", "account.json")
dumps = os.path.join(root, "tests", "data", "dumps")
app_object = "arn:aws:s3:::example-corp-app-web/index.html"
reports_object = "arn:aws:s3:::example-corp-reports/q1.csv"

# Identity policies: a user allowed, a user denied (not listed), a user whose MFA Deny a key could lift.
code, doc, err = who_can("s3:GetObject", app_object)
who = listed(doc)
check("JSON shape: action, resource, principals, problems; exit 0 on a dump read whole",
      code == 0 and set(doc) == {"action", "resource", "principals", "problems"} and doc["action"] == "s3:GetObject" and
      doc["resource"] == app_object and doc["problems"] == [] and err == "" and
      all(set(p) == {"type", "name", "arn", "decision", "conditions", "statements"} for p in doc["principals"]) and
      all(set(s) == {"policy", "statement", "sid", "type"} for p in doc["principals"] for s in p["statements"]),
      (code, doc, err))
carol = who.get("carol.smith", {})
check("a user allowed by an identity policy (a group's AWS managed policy), with the deciding statement",
      carol.get("type") == "user" and carol.get("decision") == "allowed" and carol.get("conditions") == [] and
      carol.get("arn") == "arn:aws:iam::111122223333:user/carol.smith" and
      carol.get("statements") == [{"policy": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "statement": 0,
                                    "sid": None, "type": "IAM Policy"}], carol)
frank = who.get("frank.contractor", {})
check("a user allowed within its permissions boundary lists both statements",
      frank.get("decision") == "allowed" and
      {s["type"] for s in frank.get("statements", [])} == {"IAM Policy", "PermissionsBoundaryPolicy"}, frank)
check("a denied principal is not listed", "grace.billing" not in who and "ci-build" not in who, sorted(who))
alice = who.get("alice.martin", {})
check("could be allowed: a Deny unless MFA, with the key and the Deny it depends on",
      alice.get("decision") == "couldBeAllowed" and alice.get("conditions") == ["aws:MultiFactorAuthPresent"] and
      [s["sid"] for s in alice.get("statements", [])] == ["DenyAllWithoutMFA"], alice)
code, doc, err = who_can("iam:CreateUser", "arn:aws:iam::111122223333:user/new")
check("a boundary without iam: keeps frank's IAMFullAccess from counting",
      code == 0 and "frank.contractor" not in listed(doc) and listed(doc)["dave.ops"]["decision"] == "allowed",
      sorted(listed(doc)))

# Roles: a session of the role, with its identity policies and boundary.
code, doc, err = who_can("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:f",
                         dump=os.path.join(dumps, "iamspy-role-boundary-allow.json"))
role = listed(doc).get("name", {})
check("a role allowed by its inline policy within its boundary (real dump)",
      code == 0 and role.get("type") == "role" and role.get("decision") == "allowed" and
      role.get("arn") == "arn:aws:iam::123456789012:role/name" and
      [(s["type"], s["policy"]) for s in role["statements"]] == [
          ("IAM Policy", "role/name:policy"), ("PermissionsBoundaryPolicy", "arn:aws:iam::aws:policy/InvokingAllowed")],
      doc)
code, doc, err = who_can("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:f",
                         dump=os.path.join(dumps, "iamspy-user-boundary-deny.json"))
check("a user its boundary denies: nobody listed", code == 0 and doc["principals"] == [], doc)
code, doc, err = who_can("s3:PutObject", "arn:aws:s3:::example-corp-artifacts/build.zip")
ci = listed(doc).get("ci-build", {})
check("a role whose Deny a missing aws:SourceIp keeps on could be allowed",
      ci.get("type") == "role" and ci.get("decision") == "couldBeAllowed" and ci.get("conditions") == ["aws:SourceIp"],
      ci)

# A role's trust policy: from the dump by default.
code, doc, err = who_can("sts:AssumeRole", "arn:aws:iam::123456789012:role/bad_role",
                         dump=os.path.join(dumps, "cloudmapper-demo.json"))
check("who can assume a role: its trust policy from the dump ({\"AWS\": \"*\"}: everyone)",
      code == 0 and {"USER", "bad_role", "exfiller"} <= set(listed(doc)) and
      all(any(s["type"] == "resource" and s["policy"] == "role/bad_role:trust-policy" for s in p["statements"])
          for p in doc["principals"]), doc)
code, doc, err = who_can("sts:AssumeRole", "arn:aws:iam::123456789012:role/level3",
                         dump=os.path.join(dumps, "cloudmapper-demo.json"))
check("a role only a service may assume: nobody listed", code == 0 and doc["principals"] == [], doc)

with tempfile.TemporaryDirectory() as tmp:
    def write(name, document):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            json.dump(document, f)
        return path

    grace_reads = write("bucket.json", {"Version": "2012-10-17", "Statement": [
        {"Sid": "GraceReads", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/grace.billing"},
         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-corp-reports/*"}]})
    full = write("full.json", {"Version": "2012-10-17",
                               "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
    deny_put = write("deny-put.json", {"Version": "2012-10-17", "Statement": [
        {"Sid": "NoPuts", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]})
    rcp_full = write("rcp-full.json", {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]})
    rcp_tls = write("rcp-tls.json", {"Version": "2012-10-17", "Statement": [
        {"Sid": "EnforceTLS", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})

    # Resource policies.
    code, doc, err = who_can("s3:GetObject", reports_object)
    check("without the bucket policy, grace.billing (Billing only) may not read", "grace.billing" not in listed(doc),
          sorted(listed(doc)))
    code, doc, err = who_can("s3:GetObject", reports_object, "--resource-policy", grace_reads)
    grace = listed(doc).get("grace.billing", {})
    check("--resource-policy: a bucket policy naming a user of the account allows it on its own",
          code == 0 and grace.get("decision") == "allowed" and
          grace.get("statements") == [{"policy": grace_reads, "statement": 0, "sid": "GraceReads", "type": "resource"}],
          doc)
    code, out, err = run(["who-can", "--action", "s3:GetObject", "--resource", reports_object, "--resource-policy",
                          grace_reads, account])
    check("text: a heading, then each principal and its statements",
          code == 0 and out.startswith(f"s3:GetObject on {reports_object}: ") and
          "user grace.billing (arn:aws:iam::111122223333:user/grace.billing): allowed\n"
          f"  resource {grace_reads} statement 0 (Sid GraceReads)\n" in out and
          "user alice.martin (arn:aws:iam::111122223333:user/alice.martin): could be allowed by missing context keys: "
          "aws:MultiFactorAuthPresent\n" in out, out)

    # SCPs: each --scp is a level; every level must allow and any Deny denies.
    code, doc, err = who_can("s3:PutObject", "arn:aws:s3:::example-corp-artifacts/build.zip", "--scp", full)
    check("--scp allowing everything changes nothing", code == 0 and "dave.ops" in listed(doc), doc)
    code, doc, err = who_can("s3:PutObject", "arn:aws:s3:::example-corp-artifacts/build.zip",
                             "--scp", full, "--scp", f"{full},{deny_put}")
    check("--scp denying at the account's level: nobody, not even a user with every permission",
          code == 0 and doc["principals"] == [], doc)
    code, doc, err = who_can("s3:PutObject", "arn:aws:s3:::example-corp-artifacts/build.zip", "--scp", deny_put)
    check("--scp level without an Allow allows nothing", code == 0 and doc["principals"] == [], doc)
    code, doc, err = who_can("s3:GetObject", app_object, "--scp", full)
    check("an SCP's Allow is among the deciding statements",
          any(s["type"] == "ServiceControlPolicy" and s["policy"] == full for s in listed(doc)["carol.smith"]["statements"]),
          doc)

    # RCPs.
    code, doc, err = who_can("s3:GetObject", app_object, "--rcp", f"{rcp_full},{rcp_tls}")
    carol = listed(doc).get("carol.smith", {})
    check("--rcp: allowed, with the key that could make its Deny apply",
          code == 0 and carol.get("decision") == "allowed" and carol.get("conditions") == ["aws:SecureTransport"], carol)

    # Usage errors and unreadable input: exit 2.
    for name, args, message in [
        ("no --action", ["--resource", "*", account], "--action and --resource are required"),
        ("no --resource", ["--action", "s3:GetObject", account], "--action and --resource are required"),
        ("an action without a service", ["--action", "GetObject", "--resource", "*", account], "service:Action"),
        ("a resource that is not an ARN", ["--action", "s3:GetObject", "--resource", "bucket", account], "an ARN"),
        ("an empty --scp file", ["--action", "s3:GetObject", "--resource", "*", "--scp", f"{full},", account],
         "--scp takes FILE"),
        ("an unknown option", ["--action", "s3:GetObject", "--resource", "*", "--bogus", account], "unknown option"),
        ("no account", ["--action", "s3:GetObject", "--resource", "*"], "give one ACCOUNT.json"),
        ("an unreadable account", ["--action", "s3:GetObject", "--resource", "*", "/nonexistent.json"], "cannot read"),
        ("an unreadable policy", ["--action", "s3:GetObject", "--resource", "*", "--scp", "/nonexistent.json", account],
         "cannot read"),
        ("an SCP with a Principal", ["--action", "s3:GetObject", "--resource", "*", "--scp", grace_reads, account],
         "not a valid scp policy"),
        ("a resource policy without a Principal",
         ["--action", "s3:GetObject", "--resource", "*", "--resource-policy", full, account],
         "not a valid resource policy"),
    ]:
        code, out, err = run(["who-can", *args])
        check(f"usage error exits 2: {name}", code == 2 and out == "" and message in err, (code, out, err))

code, out, err = run(["who-can", "--help"])
check("--help prints the usage, exit 0", code == 0 and out.startswith("usage: iamcpp who-can --action ACTION"), out)
code, out, err = run(["--help"])
check("the command is listed in iamcpp --help", code == 0 and "\n  who-can " in out, out)

# A dump read in part: what it has, the problems, exit 1 (as `effective`).
code, doc, err = who_can("s3:GetObject", "arn:aws:s3:::b/k", dump=os.path.join(dumps, "awscli-doc-example.json"))
check("one page of several (IsTruncated): the principals it has, the problem, exit 1",
      code == 1 and {"Alice", "Bob", "Charlie", "EC2role"} <= set(listed(doc)) and
      [p["path"] for p in doc["problems"]] == ["/IsTruncated"] and "problem:" in err, (code, doc, err))

# A role's trust policy that breaks the grammar is a problem, and lets nobody in.
broken_trust = json.dumps({"AccountId": "123456789012", "RoleDetailList": [
    {"RoleName": "odd", "Arn": "arn:aws:iam::123456789012:role/odd",
     "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
         {"Effect": "Allow", "Principal": "*", "NotAction": "s3:*"}]}}]})
code, out, err = run(["who-can", "--format", "json", "--action", "sts:AssumeRole", "--resource",
                      "arn:aws:iam::123456789012:role/odd", "-"], broken_trust.encode())
doc = json.loads(out) if code != 2 else {}
check("an invalid trust policy in the dump: a problem, nobody listed, exit 1",
      code == 1 and doc["principals"] == [] and [p["path"] for p in doc["problems"]] == ["role/odd"], (code, out, err))

finish()
