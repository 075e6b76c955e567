// SPDX-License-Identifier: MIT
// The README's evaluation example, built and run as a test so it cannot rot.
#include <iam/evaluate.hpp>
#include <iam/policy.hpp>

#include <cstdio>

int main() {
    iam::policy_set policies;
    policies.identity.push_back({"ReadReports", iam::parse_policy(R"({"Version": "2012-10-17", "Statement": {
        "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/*",
        "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}})")
                                                    .value()});
    policies.boundary.push_back({"S3Only", iam::parse_policy(R"({"Version": "2012-10-17", "Statement": {
        "Effect": "Allow", "Action": "s3:*", "Resource": "*"}})")
                                               .value()});
    const iam::compiled_policy_set user(std::move(policies));  // prepare once, evaluate many times

    iam::request r{"s3:GetObject", "arn:aws:s3:::reports/q3.csv", "arn:aws:iam::123456789012:user/alice", "", {}};
    r.context.push_back({"aws:SourceIp", {"203.0.113.7"}, iam::context_type::ip});
    iam::evaluation_result out;
    iam::evaluation_workspace work;
    user.evaluate_into(r, out, work);                          // no allocation once `out` and `work` have grown
    std::printf("%s\n", iam::to_string(out.decision).data());  // allowed
    for (const iam::statement_ref& why : out.matched) std::printf("  by %s\n", user.policy_name(why).c_str());
    return out.decision == iam::decision::allowed ? 0 : 1;
}
