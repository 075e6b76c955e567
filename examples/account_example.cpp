// SPDX-License-Identifier: MIT
// The README's account example, built and run as a test so it cannot rot.
#include <iam/account.hpp>
#include <iam/authorization_details.hpp>
#include <iam/credentials.hpp>

#include <cstdio>
#include <random>
#include <vector>

int main() {
    auto acct = iam::account::make("123456789012", "example-corp").value();
    (void)acct.create_group("Developers");
    (void)acct.attach_group_policy("Developers", "arn:aws:iam::aws:policy/PowerUserAccess");

    // A batch as the console creates it: all of it, or nobody when one request is wrong.
    std::vector<iam::new_user> batch(2);
    batch[0].name = "alice";
    batch[0].groups = {"Developers"};
    batch[0].console = iam::console_access{};  // generated password, reset at first sign-in
    batch[1].name = "deploy-bot";
    batch[1].path = "/automation/";
    batch[1].programmatic_access = true;  // an access key; its secret is returned once
    std::mt19937_64 seeded(42);           // deterministic here; use std::random_device in production
    const auto created = acct.create_users(batch, iam::random_source(seeded));
    if (!created) {
        std::printf("%s\n", std::string(created.error().message()).c_str());
        return 1;
    }
    for (const iam::created_user& c : *created) {
        std::printf("%s", c.user.arn(acct.id().view()).c_str());
        if (c.sign_in_url) std::printf(" signs in at %s", c.sign_in_url->c_str());
        if (c.access_key) std::printf(" with key %s", c.access_key->id.str().c_str());
        std::printf("\n");
    }
    // No password policy lets users change their own password, so a required reset
    // attached IAMUserChangePassword to alice.
    for (const std::string& arn : acct.find_user("alice")->attached_policy_arns) std::printf("  %s\n", arn.c_str());

    // A second "ALICE" is the same name to IAM: refused, and the account is unchanged.
    iam::new_user again;
    again.name = "ALICE";
    const auto refused = acct.create_user(again);
    std::printf("%s: %s\n", iam::aws_error_code(refused.error().code).data(),
                std::string(refused.error().message()).c_str());

    // The account as `aws iam get-account-authorization-details` prints it, and back.
    const std::string dump = iam::save_authorization_details(acct);
    const auto loaded = iam::load_authorization_details(dump);
    std::printf("round trip: %s\n", loaded && loaded->account == acct ? "equal" : "different");
    return !refused && loaded && loaded->account == acct ? 0 : 1;
}
