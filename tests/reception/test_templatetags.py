from reception.templatetags.reception_tags import mask_phones


def test_mobile_numbers_in_free_text_are_masked():
    assert mask_phones("请联系13812345678。") == "请联系138****5678。"
    assert mask_phones("电话:15900001111,18600002222") == (
        "电话:159****1111,186****2222"
    )


def test_other_numbers_are_left_alone():
    assert mask_phones("接待25人,027-88001234") == "接待25人,027-88001234"
    # Part of a longer number (an ID or an order number) is not a phone.
    assert mask_phones("单号213812345678901") == "单号213812345678901"
    assert mask_phones("") == ""
    assert mask_phones(None) == ""
