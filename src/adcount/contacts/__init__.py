"""The contacts channel: phones, e-mails and messaging handles read from contact columns and ad
texts, pooled per ad and pseudonymised at once (docs/contacts.md).

- `phones`, `phone_plans`, `phone_regions`, `countries`, `numerals`, `masks`, `regex`, `fold`,
  `batch`: phone numbers in every written disguise, in the numbering plan of the ad's country.
- `emails`, `handles`: e-mail addresses (keyed by the mailbox they reach) and handles.
- `ad_regions`: which country's numbering plan each ad is read with, and why.
- `keys`: `ContactKeys`, the sparse ads x keys incidence later stages read.
- `stage`: `ad_contacts`, the contacts stage.
"""
