"""The SMS backends: console (default), locmem (tests), Aliyun Dysms."""
