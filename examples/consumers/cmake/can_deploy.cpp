// SPDX-License-Identifier: MIT
// May the release user put an artifact? Answered offline from its policy.
#include <iam/iam.hpp>

#include <cstdio>

int main() {
    const auto policy = iam::parse_policy(R"({"Version": "2012-10-17", "Statement": {
        "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::artifacts/*"}})");
    if (!policy) return 2;
    iam::policy_set policies;
    policies.identity.push_back({"PublishArtifacts", *policy});
    const iam::request r{"s3:PutObject",
                         "arn:aws:s3:::artifacts/app-1.2.3.tar.gz",
                         "arn:aws:iam::123456789012:user/release-bot",
                         "",
                         {}};
    const iam::evaluation_result answer = iam::evaluate(r, std::move(policies));
    std::printf("%s\n", iam::to_string(answer.decision).data());  // allowed
    return answer.decision == iam::decision::allowed ? 0 : 1;
}
